/** The token doctor: `diagnoseToken` (decodes, then runs the rules) and the pure parts behind it. */
export { analyzeToken, type DoctorFacts } from './analyze.js';
export { diagnoseToken, type DiagnoseOptions } from './diagnose.js';
export { hasError, type Diagnosis } from './findings.js';
export * from './schema.js';
export { SDK_ERROR_CODES, lookUpSdkError, type SdkErrorEntry, type SdkProduct } from './sdk-error-codes.js';
