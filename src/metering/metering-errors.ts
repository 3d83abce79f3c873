/** Codes the metering endpoints answer with; each problem in `errors[]` carries a `MeteringProblemCode`. */
export const MeteringErrorCode = {
  METER_NOT_FOUND: 'METERING.METER_NOT_FOUND', // 404
  INVALID_QUERY: 'METERING.INVALID_QUERY', // 400
  NOT_CAUGHT_UP: 'METERING.NOT_CAUGHT_UP', // 503: the usage projection did not reach the log head in time
} as const;
export type MeteringErrorCode = (typeof MeteringErrorCode)[keyof typeof MeteringErrorCode];

export const MeteringProblemCode = {
  UNKNOWN_PARAMETER: 'METERING.UNKNOWN_PARAMETER',
  INVALID_TIMESTAMP: 'METERING.INVALID_TIMESTAMP',
  INVALID_RANGE: 'METERING.INVALID_RANGE',
  INVALID_ENUM: 'METERING.INVALID_ENUM',
  INVALID_TIME_ZONE: 'METERING.INVALID_TIME_ZONE',
  INVALID_VALUE: 'METERING.INVALID_VALUE',
  TOO_MANY_VALUES: 'METERING.TOO_MANY_VALUES',
  UNKNOWN_GROUP_BY: 'METERING.UNKNOWN_GROUP_BY',
  INVALID_FILTER: 'METERING.INVALID_FILTER',
} as const;
export type MeteringProblemCode = (typeof MeteringProblemCode)[keyof typeof MeteringProblemCode];
