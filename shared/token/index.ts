export * from './build.js';
export * from './decode.js';
export * from './status.js';
export * from './types.js';
export * from './validation.js';
