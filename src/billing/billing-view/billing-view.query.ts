import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Subscription } from '../../customers';
import type { GroupByFilters } from '../../shared/string-filter';

/** What a feature bills: the meter it reads, and the filters its group-by values must pass. */
export interface BilledFeature {
  readonly key: string;
  readonly meterSlug: string;
  readonly filterGroupBy: GroupByFilters;
}

/** A subscription as recorded in billing's view, and when it ends if it does. */
export interface RecordedSubscription {
  readonly subscription: Subscription;
  readonly activeTo?: Date;
}

/**
 * Reads of billing's own view (`billing_view@v1`); callers wait for that projection themselves.
 * It holds the one rule for which feature a rate card's `featureKey` bills: of the features that
 * held the key, the live one, else the latest archived — as when the rate card was priced.
 */
@Injectable()
export class BillingViewQuery {
  constructor(private readonly db: DataSource) {}

  /** The billed feature of each key (all the namespace's keys when `keys` is absent); keys with none are left out. */
  async billedFeatures(namespace: string, keys?: readonly string[]): Promise<Map<string, BilledFeature>> {
    const rows = await this.db.query<
      { key: string; meter_slug: string | null; group_by_filters: GroupByFilters }[]
    >(
      `SELECT DISTINCT ON (key) key, meter_slug, group_by_filters FROM billing_features
       WHERE namespace = $1 AND ($2::text[] IS NULL OR key = ANY($2)) ORDER BY key, archived, id DESC`,
      [namespace, keys ? [...new Set(keys)] : null],
    );
    const features = new Map<string, BilledFeature>();
    for (const row of rows) {
      if (row.meter_slug) {
        features.set(row.key, {
          key: row.key,
          meterSlug: row.meter_slug,
          filterGroupBy: row.group_by_filters,
        });
      }
    }
    return features;
  }

  /** Subscriptions active at some instant of `[from, to)`, with their recorded terms. */
  async subscriptionsActiveIn(
    namespace: string,
    range: { readonly from: Date; readonly to: Date },
  ): Promise<RecordedSubscription[]> {
    const rows = await this.db.query<{ subscription: Subscription; active_to: Date | null }[]>(
      `SELECT subscription, active_to FROM billing_subscriptions
       WHERE namespace = $1 AND active_from < $3 AND (active_to IS NULL OR active_to > $2)
       ORDER BY id`,
      [namespace, range.from, range.to],
    );
    return rows.map((r) => ({
      subscription: r.subscription,
      ...(r.active_to ? { activeTo: r.active_to } : {}),
    }));
  }
}
