export * from './build.js';
export * from './build-kind.js';
export * from './decode.js';
export * from './status.js';
export * from './types.js';
export * from './validation.js';
export { TOKEN_KINDS, KIND_IDS, getKind, kindForTokenType, kindIdSchema, type KindId } from './kinds/registry.js';
