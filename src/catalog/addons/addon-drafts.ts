import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ProjectionsService } from '../../projections/projections.service';
import { decideAndAppend, loadState } from '../../event-store/decide-and-append';
import { EVENT_STORE, EventMetadata, EventStore } from '../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../event-store/stream-names';
import { conflict } from '../../shared/errors';
import { CatalogErrorCode } from '../catalog-errors';
import { Holds, withClaims } from '../../key-claims/key-claims';
import { CatalogKeyKind, planVersionKey } from '../catalog-keys';
import { AddonState, CreateAddon, addonDecider } from './addon.decider';
import { AddonVersionsOf } from './addons-read-model/addons.query';

/**
 * Starts a new draft version of an add-on key: the key's latest + 1 (deleted versions keep their
 * numbers). Guarded as plan drafts are (`PlanDrafts`): a claim on the key's draft slot and one on
 * the (key, version) pair.
 */
@Injectable()
export class AddonDrafts {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
  ) {}

  async start(data: Omit<CreateAddon['data'], 'version'>, metadata: EventMetadata): Promise<{ id: string }> {
    const { namespace, key, id, now } = data;
    const versions = await this.queries.execute(new AddonVersionsOf(namespace, key));
    const draft = versions.find((version) => version.status === 'draft' && !version.deleted);
    if (draft !== undefined) {
      throw conflict(
        CatalogErrorCode.ADDON_VERSION_TAKEN,
        `Add-on ${key} already has a draft, version ${draft.version} (${draft.id}); publish or delete it first`,
      );
    }
    const command: CreateAddon = {
      type: 'CreateAddon',
      data: { ...data, version: (versions.at(-1)?.version ?? 0) + 1 },
    };
    // Decided once before anything is written: a refused add-on must not leave its claims behind.
    addonDecider.decide(command, addonDecider.initialState());
    const claim = { namespace, ownerId: id, takenCode: CatalogErrorCode.ADDON_VERSION_TAKEN, field: 'key' };
    const claims = [
      {
        ...claim,
        kind: CatalogKeyKind.addonDraft,
        key,
        holds: this.holds(namespace, (state) => state.status === 'draft'),
      },
      {
        ...claim,
        kind: CatalogKeyKind.addonVersion,
        key: planVersionKey(key, command.data.version),
        holds: this.holds(namespace, (state) => state.status !== 'empty'),
      },
    ];
    await withClaims(this.store, claims, now, metadata, () =>
      decideAndAppend(this.store, streamName(StreamCategory.addon, id), addonDecider, command, { metadata }),
    );
    this.projections.nudge();
    return { id };
  }

  private holds(namespace: string, holding: (state: AddonState) => boolean): Holds {
    return async (ownerId) => {
      const { state } = await loadState(this.store, streamName(StreamCategory.addon, ownerId), addonDecider);
      return (state.status === 'empty' || state.addon.namespace === namespace) && holding(state);
    };
  }
}
