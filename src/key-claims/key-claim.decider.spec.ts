import { DomainError } from '../shared/errors';
import { fold } from '../shared/decider';
import { ClaimKey, KeyClaimed, KeyReleased, ReleaseKey, keyClaimDecider } from './key-claim.decider';
import { deciderSpec } from '../shared/testing/decider-spec';

const spec = deciderSpec(keyClaimDecider);
const target = { namespace: 'default', kind: 'meter_slug', key: 'api_requests' } as const;
const T0 = '2024-05-01T10:00:00.000Z';
const T1 = '2024-05-01T11:00:00.000Z';

const claimBy = (ownerId: string, now = T1): ClaimKey => ({
  type: 'ClaimKey',
  data: { ...target, ownerId, now, takenCode: 'CATALOG.METER_SLUG_TAKEN', field: 'body.slug' },
});
const releaseBy = (ownerId: string, now = T1): ReleaseKey => ({
  type: 'ReleaseKey',
  data: { ...target, ownerId, now },
});
const claimed = (ownerId: string, claimedAt = T0): KeyClaimed => ({
  type: 'KeyClaimed',
  data: { ...target, ownerId, claimedAt },
});
const released = (ownerId: string, releasedAt = T0): KeyReleased => ({
  type: 'KeyReleased',
  data: { ...target, ownerId, releasedAt },
});

describe('key claim decider', () => {
  describe('ClaimKey', () => {
    it('claims an unclaimed key', () => {
      spec
        .given([])
        .when(claimBy('meter-a'))
        .then([claimed('meter-a', T1)]);
    });

    it('is a no-op when the same owner claims again', () => {
      spec
        .given([claimed('meter-a')])
        .when(claimBy('meter-a'))
        .thenNothing();
    });

    it('refuses another owner while the key is claimed, with the caller-supplied code', () => {
      spec
        .given([claimed('meter-a')])
        .when(claimBy('meter-b'))
        .thenThrows('CATALOG.METER_SLUG_TAKEN');
    });

    it('names the field in the conflict and answers 409', () => {
      const state = fold(keyClaimDecider, [claimed('meter-a')]);
      let thrown: unknown;
      try {
        keyClaimDecider.decide(claimBy('meter-b'), state);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect(thrown).toMatchObject({
        kind: 'conflict',
        problems: [{ field: 'body.slug', code: 'CATALOG.METER_SLUG_TAKEN' }],
      });
    });

    it('lets anyone claim a released key', () => {
      spec
        .given([claimed('meter-a'), released('meter-a')])
        .when(claimBy('meter-b'))
        .then([claimed('meter-b', T1)]);
    });

    it('lets the previous owner claim a released key back', () => {
      spec
        .given([claimed('meter-a'), released('meter-a')])
        .when(claimBy('meter-a'))
        .then([claimed('meter-a', T1)]);
    });

    it('refuses a third owner after the key changed hands', () => {
      spec
        .given([claimed('meter-a'), released('meter-a'), claimed('meter-b')])
        .when(claimBy('meter-a'))
        .thenThrows('CATALOG.METER_SLUG_TAKEN');
    });
  });

  describe('ReleaseKey', () => {
    it('releases a key held by the owner', () => {
      spec
        .given([claimed('meter-a')])
        .when(releaseBy('meter-a'))
        .then([released('meter-a', T1)]);
    });

    it('is a no-op for anyone but the owner', () => {
      spec
        .given([claimed('meter-a')])
        .when(releaseBy('meter-b'))
        .thenNothing();
    });

    it('is a no-op on a key never claimed', () => {
      spec.given([]).when(releaseBy('meter-a')).thenNothing();
    });

    it('is a no-op on a key already released', () => {
      spec
        .given([claimed('meter-a'), released('meter-a')])
        .when(releaseBy('meter-a'))
        .thenNothing();
    });

    it('is a no-op for a previous owner after the key changed hands', () => {
      spec
        .given([claimed('meter-a'), released('meter-a'), claimed('meter-b')])
        .when(releaseBy('meter-a'))
        .thenNothing();
    });
  });

  it('folds history into the current holder', () => {
    expect(fold(keyClaimDecider, [claimed('meter-a'), released('meter-a'), claimed('meter-b', T1)])).toEqual({
      status: 'claimed',
      ownerId: 'meter-b',
      claimedAt: T1,
    });
  });

  it('keeps the state as it was on an event type it does not know', () => {
    for (const history of [[], [claimed('meter-a')], [claimed('meter-a'), released('meter-a')]]) {
      spec.given(history).keepsStateOnUnknownEvents();
    }
  });
});
