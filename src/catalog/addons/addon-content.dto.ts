import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import {
  DescribedDto,
  FlatFeeRateCardDto,
  RateCardList,
  UsageBasedRateCardDto,
  rateCardOf,
} from '../plans/plan-content.dto';
import { ADDON_INSTANCE_TYPES, AddonInstanceType, UpdateAddon } from './addon.decider';

/**
 * The fields an add-on's create and replace share (OpenMeter's `AddonCreate`, `AddonReplaceUpdate`):
 * rate cards read as a plan phase's are. The rules that span fields are the add-on decider's.
 */
@ApiExtraModels(FlatFeeRateCardDto, UsageBasedRateCardDto)
export class AddonContentDto extends DescribedDto {
  @ApiProperty({ enum: ADDON_INSTANCE_TYPES, description: 'single: added once; multiple: with a quantity' })
  @IsIn(ADDON_INSTANCE_TYPES)
  instanceType!: AddonInstanceType;

  @RateCardList()
  rateCards!: (FlatFeeRateCardDto | UsageBasedRateCardDto)[];
}

export type AddonContentInput = Pick<
  UpdateAddon['data'],
  'name' | 'description' | 'metadata' | 'instanceType' | 'rateCards'
>;

/** The request as the decider takes it, `null` metadata read as none. */
export function addonContentOf(dto: AddonContentDto): AddonContentInput {
  return {
    name: dto.name,
    description: dto.description,
    metadata: dto.metadata ?? undefined,
    instanceType: dto.instanceType,
    rateCards: dto.rateCards.map(rateCardOf),
  };
}
