import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { BILLING_VIEW_PROJECTION } from '../../billing/billing-view/billing-view.projection';
import { ProjectionsService } from '../../projections/projections.service';
import { CUSTOMERS_PROJECTION } from '../../customers/customers/customers-read-model/customers.projection';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { usageCaughtUp } from '../usage/usage-caught-up';
import { billedUsageWindows, reconciliationReport, ReconciliationReport, TimeRange } from './reconciliation';
import { ReconciliationReadModels } from './reconciliation-read-models';

export class ReconcileUsage extends Query<ReconciliationReport> {
  constructor(
    readonly namespace: string,
    readonly range: TimeRange,
  ) {
    super();
  }
}

@QueryHandler(ReconcileUsage)
export class ReconcileUsageHandler implements IQueryHandler<ReconcileUsage> {
  private readonly readModels: ReconciliationReadModels;

  constructor(
    db: DataSource,
    private readonly projections: ProjectionsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.readModels = new ReconciliationReadModels(db);
  }

  async execute({ namespace, range }: ReconcileUsage): Promise<ReconciliationReport> {
    // Intake counters commit with the usage itself; the read models must catch up to the log head.
    await usageCaughtUp(this.projections, [CUSTOMERS_PROJECTION, BILLING_VIEW_PROJECTION]);
    const [intake, subscriptions, meters] = await Promise.all([
      this.store.countsIntake ? this.readModels.intakeByDay(namespace, range) : undefined,
      this.readModels.subscriptions(namespace, range),
      this.readModels.billedMeters(namespace),
    ]);
    const hours = Math.ceil((range.to.getTime() - range.from.getTime()) / 3_600_000);
    const windows = billedUsageWindows(subscriptions, (key) => meters.get(key), range, hours + 2);
    const [usage, billingPeriods] = await Promise.all([
      this.readModels.usageByDay(namespace, range, windows),
      this.readModels.billedByPeriod(namespace, windows),
    ]);
    return reconciliationReport(namespace, range, intake, usage, billingPeriods);
  }
}
