import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { MeterQueryService } from '../meter-query/meter-query.service';

/**
 * The values a meter has seen of one dimension over `[from, to)`: a group-by's values
 * (`listMeterGroupByValues`) or the subjects (`listMeterSubjects`), sorted.
 */
export class ListMeterValues extends Query<string[]> {
  constructor(
    readonly namespace: string,
    readonly meter: string,
    /** A group-by name of the meter, or `subject`. */
    readonly dimension: string,
    readonly range: { readonly from?: Date; readonly to?: Date },
  ) {
    super();
  }
}

@QueryHandler(ListMeterValues)
export class ListMeterValuesHandler implements IQueryHandler<ListMeterValues> {
  constructor(private readonly meters: MeterQueryService) {}

  execute({ namespace, meter, dimension, range }: ListMeterValues): Promise<string[]> {
    return this.meters.distinctValues(namespace, meter, dimension, range);
  }
}
