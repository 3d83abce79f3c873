export { assertCurrencyCode, isCurrencyCode, minorUnits, roundMoney } from './currencies';
export * from './price';
export * from './pricing';
