import { Injectable } from '@nestjs/common';
import type { LogPosition } from '../../event-store/event-store.port';
import { MeterQueryService, USAGE_PROJECTION } from '../../metering';
import { Decimal, toDecimalString } from '../../shared/money';
import type { MeterQuery } from '../../metering';
import type { MeteredQuantity, MeteredQuantityRequest } from './metered-quantity.port';

/**
 * Invoice quantities from the meter query: filtered by the customer (not by its subjects one by
 * one), the query answers one row for all its subjects together — one distinct user seen under two
 * subject keys is one seat. All of an invoice's lines are asked at once, so their counters are read
 * in one statement.
 */
@Injectable()
export class MeterQueryQuantity implements MeteredQuantity {
  /** Usage, with its own copy of the customers' subjects that a query by customer resolves through. */
  readonly projections = [USAGE_PROJECTION];

  constructor(private readonly meters: MeterQueryService) {}

  async quantities(namespace: string, requests: readonly MeteredQuantityRequest[]): Promise<string[]> {
    return totalsOf(
      await this.meters.queryMany(
        namespace,
        requests.map((r) => queryOf(namespace, r)),
      ),
    );
  }

  async quantitiesAsOf(
    namespace: string,
    requests: readonly MeteredQuantityRequest[],
  ): Promise<{ quantities: string[]; through: LogPosition }> {
    const { answers, through } = await this.meters.queryManyAsOf(
      namespace,
      requests.map((r) => queryOf(namespace, r)),
    );
    return { quantities: totalsOf(answers), through };
  }
}

function queryOf(namespace: string, request: MeteredQuantityRequest): MeterQuery {
  return {
    namespace,
    meter: request.meterSlug,
    from: new Date(request.window.from),
    to: new Date(request.window.to),
    customerIds: [request.customerId],
    filterGroupBy: request.filterGroupBy,
  };
}

function totalsOf(answers: readonly { rows: readonly { value: string }[] }[]): string[] {
  return answers.map((answer) =>
    toDecimalString(answer.rows.reduce((sum, row) => sum.plus(row.value), new Decimal(0))),
  );
}
