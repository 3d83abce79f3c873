/** Codes the ingestion endpoints answer with; each problem in `errors[]` carries an `IngestionProblemCode`. */
export const IngestionErrorCode = {
  INVALID_EVENTS: 'INGESTION.INVALID_EVENTS', // 400: at least one event broke a rule; nothing was stored
  EMPTY_BATCH: 'INGESTION.EMPTY_BATCH', // 400
  BATCH_TOO_LARGE: 'INGESTION.BATCH_TOO_LARGE', // 413
  UNSUPPORTED_MEDIA_TYPE: 'INGESTION.UNSUPPORTED_MEDIA_TYPE', // 415
  EVENT_NOT_FOUND: 'INGESTION.EVENT_NOT_FOUND', // 404: a void named events the log does not hold
  VOID_UNSUPPORTED: 'INGESTION.VOID_UNSUPPORTED', // 501: the event store cannot say which events it holds
} as const;
export type IngestionErrorCode = (typeof IngestionErrorCode)[keyof typeof IngestionErrorCode];

export const IngestionProblemCode = {
  NOT_AN_EVENT: 'INGESTION.NOT_AN_EVENT',
  REQUIRED: 'INGESTION.REQUIRED',
  INVALID: 'INGESTION.INVALID',
  TOO_LONG: 'INGESTION.TOO_LONG',
  UNSUPPORTED_SPEC_VERSION: 'INGESTION.UNSUPPORTED_SPEC_VERSION',
  INVALID_TIME: 'INGESTION.INVALID_TIME',
  TIME_IN_FUTURE: 'INGESTION.TIME_IN_FUTURE',
  DATA_NOT_OBJECT: 'INGESTION.DATA_NOT_OBJECT',
  UNSUPPORTED_DATA_CONTENT_TYPE: 'INGESTION.UNSUPPORTED_DATA_CONTENT_TYPE',
  UNSTORABLE_TEXT: 'INGESTION.UNSTORABLE_TEXT',
  CLOUDEVENTS_SPEC: 'INGESTION.CLOUDEVENTS_SPEC',
  EVENT_NOT_FOUND: 'INGESTION.EVENT_NOT_FOUND',
} as const;
export type IngestionProblemCode = (typeof IngestionProblemCode)[keyof typeof IngestionProblemCode];
