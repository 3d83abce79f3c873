import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  BILLING_VIEW_PROJECTION,
  BillingViewQuery,
  CorrectionsQuery,
  INVOICE_STATUSES_PROJECTION,
  ISSUED_INVOICES_PROJECTION,
} from '../../billing';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import type { CountedMeter } from '../../metering';
import { UsageAccounting } from '../../metering';
import { ProjectionsService } from '../../projections/projections.service';
import { billedUsageWindows, reconciliationReport, ReconciliationReport, TimeRange } from './reconciliation';

export class ReconcileUsage extends Query<ReconciliationReport> {
  constructor(
    readonly namespace: string,
    readonly range: TimeRange,
  ) {
    super();
  }
}

/**
 * Reconciliation reads every context through its face: the event store's intake counters (they
 * commit with the usage itself), billing's view of subscriptions and the features they bill and of
 * its issued periods (what their documents billed through, whether a correction is pending), and
 * metering's count of the usage it holds (each owner waits for its own read models).
 */
@QueryHandler(ReconcileUsage)
export class ReconcileUsageHandler implements IQueryHandler<ReconcileUsage> {
  constructor(
    private readonly billing: BillingViewQuery,
    private readonly corrections: CorrectionsQuery,
    private readonly usage: UsageAccounting,
    private readonly projections: ProjectionsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ namespace, range }: ReconcileUsage): Promise<ReconciliationReport> {
    await this.projections.readYourWrites([
      BILLING_VIEW_PROJECTION,
      ISSUED_INVOICES_PROJECTION,
      INVOICE_STATUSES_PROJECTION,
    ]);
    const [intake, subscriptions, features, meters] = await Promise.all([
      this.store.countsIntake && this.store.intakeByDay
        ? this.store.intakeByDay(namespace, range)
        : undefined,
      this.billing.subscriptionsActiveIn(namespace, range),
      this.billing.billedFeatures(namespace),
      this.usage.liveMeters(namespace),
    ]);
    const meterOfFeature = (key: string): CountedMeter | undefined => {
      const feature = features.get(key);
      return feature && meters.get(feature.meterSlug);
    };
    const hours = Math.ceil((range.to.getTime() - range.from.getTime()) / 3_600_000);
    const issued = new Map(
      (await this.corrections.issuedPeriods(namespace, range)).map((p) => [
        `${p.subscriptionId}@${p.periodFrom.getTime()}`,
        { billedThrough: p.billedThrough, correctionPending: p.correctionPending },
      ]),
    );
    const windows = billedUsageWindows(subscriptions, meterOfFeature, range, hours + 2).map((w) => {
      const documents = issued.get(`${w.subscriptionId}@${w.periodFrom.getTime()}`);
      return documents ? { ...w, issued: documents } : w;
    });
    const [usage, billingPeriods] = await Promise.all([
      this.usage.usageByDay(namespace, range, windows),
      this.usage.billedByPeriod(namespace, windows),
    ]);
    return reconciliationReport(namespace, range, intake, usage, billingPeriods);
  }
}
