/**
 * The one list of currencies Tally accepts anywhere — a plan's, a customer's, an invoice's — with
 * the ISO 4217 minor unit each is rounded to. A code is accepted only if it can be invoiced, so a
 * plan can never be published in a currency billing would refuse.
 *
 * A table rather than `Intl`: Node's ICU lists codes with no minor unit (XDR, XSU: units of account
 * that cannot be rounded to a smallest unit), reports CLDR display digits that disagree with ISO for
 * currencies an invoice must get right (IQD is 3, not 0; HUF, IDR, COP, PKR and others are 2, not
 * 0), and changes from one Node version to the next.
 */
// prettier-ignore
const CODES_BY_MINOR_UNITS: Readonly<Record<number, string>> = {
  0: 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF',
  2: 'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD ' +
     'CAD CDF CHF CNY COP CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP ' +
     'GMD GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD ' +
     'LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN ' +
     'PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP ' +
     'SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD XCG YER ZAR ZMW ZWG ZWL',
  3: 'BHD IQD JOD KWD LYD OMR TND',
  4: 'CLF UYW',
};

const MINOR_UNITS: ReadonlyMap<string, number> = new Map(
  Object.entries(CODES_BY_MINOR_UNITS).flatMap(([digits, codes]) =>
    codes.split(' ').map((code) => [code, Number(digits)] as const),
  ),
);

/** A currency Tally accepts: an upper-case ISO 4217 code with a minor unit to round to. */
export function isCurrencyCode(code: unknown): code is string {
  return typeof code === 'string' && MINOR_UNITS.has(code);
}

/** Every accepted code, in alphabetical order. */
export function currencyCodes(): string[] {
  return [...MINOR_UNITS.keys()].sort();
}

/** Decimal places of the currency's minor unit (USD 2, JPY 0, BHD 3), or undefined for a code not accepted. */
export function minorUnitsOf(code: string): number | undefined {
  return MINOR_UNITS.get(code);
}
