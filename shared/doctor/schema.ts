/** The doctor's context and diagnosis schemas live in the contract (shared/contract/doctor.ts); re-exported for the engine's imports. */
export * from '../contract/doctor.js';
