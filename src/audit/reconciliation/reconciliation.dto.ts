import { ApiProperty } from '@nestjs/swagger';

/** The answer's shape, for the OpenAPI document. */
export class ReconciliationCountsDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Events of acknowledged ingestion requests, repeats included; null on EventStoreDB',
  })
  accepted!: number | null;

  @ApiProperty({ description: 'Accepted events written to the log (the first of each source and id)' })
  stored!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'accepted − stored; null on EventStoreDB' })
  deduplicated!: number | null;

  @ApiProperty({ description: 'Stored events voided since: they count in none of the figures below' })
  voided!: number;

  @ApiProperty({
    description: 'Stored events a live meter reads (its event type, at or after its eventFrom), not voided',
  })
  metered!: number;

  @ApiProperty({ description: "Stored events, not voided, whose subject is a customer's key or subject key" })
  attributed!: number;

  @ApiProperty({
    description:
      "Attributed events a subscription active at their time bills through its phase's usage-based rate cards, issued or not",
  })
  billable!: number;

  @ApiProperty({
    description:
      'Events on issued documents: stored at or before the log position their period was billed through, not voided by then',
  })
  billed!: number;

  @ApiProperty({
    description:
      'Events that changed an issued period after its latest document (late, or voided), altering its figures: the next correction bills them',
  })
  pendingCorrection!: number;
}

export class ReconciliationDayDto extends ReconciliationCountsDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the UTC day, clipped to the range' })
  from!: string;

  @ApiProperty({ format: 'date-time', description: 'End of the UTC day, clipped to the range' })
  to!: string;
}

export class ReconciliationBillingPeriodDto {
  @ApiProperty()
  subscriptionId!: string;

  @ApiProperty()
  customerId!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'The whole billing period; only its part in the range counts',
  })
  from!: string;

  @ApiProperty({ format: 'date-time' })
  to!: string;

  @ApiProperty({ description: 'Whether the period is issued' })
  issued!: boolean;

  @ApiProperty({
    description: 'Billable events in the period and the range (each once, however many rate cards)',
  })
  billable!: number;

  @ApiProperty({ description: "Of them, those on the period's issued documents" })
  billed!: number;

  @ApiProperty({ description: 'Changes since its latest document that a correction will bill' })
  pendingCorrection!: number;
}

export class ReconciliationAnswerDto {
  @ApiProperty()
  namespace!: string;

  @ApiProperty({ format: 'date-time' })
  from!: string;

  @ApiProperty({ format: 'date-time' })
  to!: string;

  @ApiProperty({ type: ReconciliationCountsDto })
  totals!: ReconciliationCountsDto;

  @ApiProperty({ type: [ReconciliationDayDto] })
  days!: ReconciliationDayDto[];

  @ApiProperty({ type: [ReconciliationBillingPeriodDto] })
  billingPeriods!: ReconciliationBillingPeriodDto[];
}
