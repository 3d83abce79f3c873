import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { MeterQueryAnswer } from './meter-query';
import { MeterQueryService } from './meter-query.service';
import { QueryMeter } from './query-meter.query';

@QueryHandler(QueryMeter)
export class QueryMeterHandler implements IQueryHandler<QueryMeter> {
  constructor(private readonly meters: MeterQueryService) {}

  execute({ query }: QueryMeter): Promise<MeterQueryAnswer> {
    return this.meters.query(query);
  }
}
