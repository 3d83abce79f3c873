import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CATALOG_KEY_PATTERN,
  FlatFeeRateCardDto,
  UnknownRateCardDto,
  UsageBasedRateCardDto,
} from '../../../catalog';
import { IfPresent, RequiredOrNull } from '../../../shared/http/list-params';
import { IsInstant } from '../../../shared/http/is-instant';

const OPS = ['add_item', 'remove_item', 'add_phase', 'remove_phase', 'stretch_phase', 'unschedule_edit'];

/** Any operation, until its `op` is known: an unknown one is a 400 on `op`. */
export class UnknownEditOperationDto {
  @ApiProperty({ enum: OPS })
  @IsIn(OPS)
  op!: string;
}

/** OpenMeter's `EditSubscriptionAddItem`: a rate card added to a phase. */
@ApiExtraModels(FlatFeeRateCardDto, UsageBasedRateCardDto)
export class EditAddItemDto {
  @ApiProperty({ enum: ['add_item'] })
  @IsIn(['add_item'])
  op!: 'add_item';

  @ApiProperty()
  @IsString()
  @MinLength(1)
  phaseKey!: string;

  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(FlatFeeRateCardDto) }, { $ref: getSchemaPath(UsageBasedRateCardDto) }],
    discriminator: { propertyName: 'type' },
  })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => UnknownRateCardDto, {
    keepDiscriminatorProperty: true,
    discriminator: {
      property: 'type',
      subTypes: [
        { name: 'flat_fee', value: FlatFeeRateCardDto },
        { name: 'usage_based', value: UsageBasedRateCardDto },
      ],
    },
  })
  rateCard!: FlatFeeRateCardDto | UsageBasedRateCardDto;
}

/** OpenMeter's `EditSubscriptionRemoveItem`. */
export class EditRemoveItemDto {
  @ApiProperty({ enum: ['remove_item'] })
  @IsIn(['remove_item'])
  op!: 'remove_item';

  @ApiProperty()
  @IsString()
  @MinLength(1)
  phaseKey!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  itemKey!: string;
}

/** OpenMeter's `SubscriptionPhaseCreate`: a phase without items (add them with `add_item`). */
export class SubscriptionPhaseCreateDto {
  @ApiProperty({ pattern: CATALOG_KEY_PATTERN.source, maxLength: 64 })
  @IsString()
  @MaxLength(64)
  @Matches(CATALOG_KEY_PATTERN, { message: 'key must be lowercase letters and digits joined by _' })
  key!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  name!: string;

  @ApiPropertyOptional()
  @IfPresent()
  @IsString()
  @MaxLength(1024)
  description?: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'P1M',
    description: 'ISO-8601 duration after the subscription starts; null: at its start',
  })
  @RequiredOrNull()
  @IsDefined()
  @IsString()
  startAfter!: string | null;

  @ApiPropertyOptional({ example: 'P1M', description: 'Required unless it is the last phase' })
  @IfPresent()
  @IsString()
  duration?: string;
}

/** OpenMeter's `EditSubscriptionAddPhase`. */
export class EditAddPhaseDto {
  @ApiProperty({ enum: ['add_phase'] })
  @IsIn(['add_phase'])
  op!: 'add_phase';

  @ApiProperty({ type: SubscriptionPhaseCreateDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SubscriptionPhaseCreateDto)
  phase!: SubscriptionPhaseCreateDto;
}

/** OpenMeter's `EditSubscriptionRemovePhase`. */
export class EditRemovePhaseDto {
  @ApiProperty({ enum: ['remove_phase'] })
  @IsIn(['remove_phase'])
  op!: 'remove_phase';

  @ApiProperty()
  @IsString()
  @MinLength(1)
  phaseKey!: string;

  @ApiProperty({ enum: ['next', 'prev'] })
  @IsIn(['next', 'prev'])
  shift!: 'next' | 'prev';
}

/** OpenMeter's `EditSubscriptionStretchPhase`. */
export class EditStretchPhaseDto {
  @ApiProperty({ enum: ['stretch_phase'] })
  @IsIn(['stretch_phase'])
  op!: 'stretch_phase';

  @ApiProperty()
  @IsString()
  @MinLength(1)
  phaseKey!: string;

  @ApiProperty({ example: 'P1M', description: 'ISO-8601 duration the phase is lengthened by' })
  @IsString()
  extendBy!: string;
}

/** OpenMeter's `EditSubscriptionUnscheduleEdit`: takes back the edits that have not taken effect. */
export class EditUnscheduleDto {
  @ApiProperty({ enum: ['unschedule_edit'] })
  @IsIn(['unschedule_edit'])
  op!: 'unschedule_edit';
}

export type EditOperationDto =
  | EditAddItemDto
  | EditRemoveItemDto
  | EditAddPhaseDto
  | EditRemovePhaseDto
  | EditStretchPhaseDto
  | EditUnscheduleDto;

const OPERATION_TYPES = [
  EditAddItemDto,
  EditRemoveItemDto,
  EditAddPhaseDto,
  EditRemovePhaseDto,
  EditStretchPhaseDto,
  EditUnscheduleDto,
];

/** The fields each operation may carry; any other is refused, as the whitelist refuses unknown ones. */
const FIELDS_OF: Readonly<Record<string, readonly string[]>> = {
  add_item: ['op', 'phaseKey', 'rateCard'],
  remove_item: ['op', 'phaseKey', 'itemKey'],
  add_phase: ['op', 'phase'],
  remove_phase: ['op', 'phaseKey', 'shift'],
  stretch_phase: ['op', 'phaseKey', 'extendBy'],
  unschedule_edit: ['op'],
};
const needs = (field: string) => (operation: { op?: unknown }) =>
  FIELDS_OF[String(operation.op)]?.includes(field) ?? false;

/**
 * Any of the operations above, as it is checked (the API document describes each by its own
 * class): the fields its `op` takes, each checked as there, and no other.
 */
export class EditOperationInputDto {
  @IsIn(OPS)
  @ValidateBy({
    name: 'fieldsOfOp',
    validator: {
      validate: (op, args) =>
        Object.entries(args?.object ?? {}).every(
          ([field, value]) => value === undefined || (FIELDS_OF[String(op)]?.includes(field) ?? true),
        ),
      defaultMessage: (args) =>
        `${String(args?.value)} takes only ${FIELDS_OF[String(args?.value)]?.join(', ') ?? 'its own fields'}`,
    },
  })
  op!: EditOperationDto['op'];

  @ValidateIf(needs('phaseKey'))
  @IsString()
  @MinLength(1)
  phaseKey?: string;

  @ValidateIf(needs('itemKey'))
  @IsString()
  @MinLength(1)
  itemKey?: string;

  @ValidateIf(needs('rateCard'))
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => UnknownRateCardDto, {
    keepDiscriminatorProperty: true,
    discriminator: {
      property: 'type',
      subTypes: [
        { name: 'flat_fee', value: FlatFeeRateCardDto },
        { name: 'usage_based', value: UsageBasedRateCardDto },
      ],
    },
  })
  rateCard?: FlatFeeRateCardDto | UsageBasedRateCardDto;

  @ValidateIf(needs('phase'))
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SubscriptionPhaseCreateDto)
  phase?: SubscriptionPhaseCreateDto;

  @ValidateIf(needs('shift'))
  @IsIn(['next', 'prev'])
  shift?: 'next' | 'prev';

  @ValidateIf(needs('extendBy'))
  @IsString()
  extendBy?: string;
}

/** OpenMeter's `SubscriptionEdit`. */
@ApiExtraModels(...OPERATION_TYPES)
export class EditSubscriptionRequest {
  @ApiProperty({
    type: 'array',
    maxItems: 100,
    items: {
      oneOf: OPERATION_TYPES.map((type) => ({ $ref: getSchemaPath(type) })),
      discriminator: { propertyName: 'op' },
    },
    description: 'Applied in order, at `timing`; each problem is named by its index',
  })
  @IsArray()
  @ArrayMaxSize(100)
  // Each an object: class-validator walks nested arrays and finds nothing wrong in `[[]]`.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  // One class for every `op` (not a discriminator, which fails on a `null` item): see `EditOperationInputDto`.
  @Type(() => EditOperationInputDto)
  customizations!: EditOperationDto[];

  @ApiPropertyOptional({
    default: 'immediate',
    description:
      '"immediate" (now, to the second), "next_billing_cycle" (the end of the period in progress) or an ' +
      'RFC 3339 date-time at most two minutes in the past',
  })
  @IfPresent()
  @IsString()
  @IsInstant(['immediate', 'next_billing_cycle'])
  timing?: string;
}
