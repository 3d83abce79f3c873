import { Query } from '@nestjs/cqrs';
import type { MeterQuery, MeterQueryAnswer } from './meter-query';

export class QueryMeter extends Query<MeterQueryAnswer> {
  constructor(readonly query: MeterQuery) {
    super();
  }
}
