export { assertCurrencyCode, isCurrencyCode, minorUnits, roundMoney } from './currencies';
export * from './pricing';
