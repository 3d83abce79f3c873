import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { currencyCodes, minorUnitsOf } from '../../shared/currencies';

/** OpenMeter's `Currency`. */
export class CurrencyView {
  @ApiProperty({ example: 'USD' })
  code!: string;

  @ApiProperty({ example: 'US Dollar' })
  name!: string;

  @ApiProperty({ example: '$' })
  symbol!: string;

  @ApiProperty({ example: 100, description: 'How many minor units make one unit (0 when there are none)' })
  subunits!: number;
}

/**
 * The currencies a plan, a customer and an invoice may be in: Tally's one list (`shared/currencies.ts`),
 * each named and given its symbol in English as Node's ICU data has them (display text only: what is
 * accepted and how it rounds come from the list).
 */
@ApiTags('Lookup Information')
@ApiBearerAuth()
@Controller('api/v1/info/currencies')
export class ListCurrenciesController {
  private readonly currencies: readonly CurrencyView[] = currencyCodes().map((code) => {
    const digits = minorUnitsOf(code)!;
    const symbol = new Intl.NumberFormat('en', { style: 'currency', currency: code })
      .formatToParts(0)
      .find((part) => part.type === 'currency')?.value;
    return {
      code,
      name: new Intl.DisplayNames(['en'], { type: 'currency' }).of(code) ?? code,
      symbol: symbol ?? code,
      subunits: digits === 0 ? 0 : 10 ** digits,
    };
  });

  @Get()
  @ApiOperation({ operationId: 'listCurrencies', summary: 'The currencies Tally accepts' })
  @ApiOkResponse({ type: [CurrencyView] })
  list(): readonly CurrencyView[] {
    return this.currencies;
  }
}
