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

  @ApiProperty({
    description: 'Stored events a live meter reads (its event type, at or after its eventFrom)',
  })
  metered!: number;

  @ApiProperty({ description: "Stored events whose subject is a customer's key or subject key" })
  attributed!: number;

  @ApiProperty({
    description:
      "Attributed events a subscription active at their time bills through its phase's usage-based rate cards",
  })
  billed!: number;
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

  @ApiProperty({
    description: 'Billed events in the period and the range (each once, however many rate cards)',
  })
  billed!: number;
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
