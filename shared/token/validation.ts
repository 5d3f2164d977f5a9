/**
 * The field rules now live in the contract (shared/contract/fields.ts), written once for
 * every door; this module keeps the engine's old import path working.
 */
export {
  DEFAULT_EXPIRE_SECONDS,
  MAX_UINT32,
  accountSchema,
  appCertificateSchema,
  appIdSchema,
  channelSchema,
  credentialsSchema,
  expireSchema,
  parseInput,
  parseUidString,
  resolveExpire,
  roleSchema,
  streamChannelSchema,
  uidSchema,
  userIdSchema,
  type Credentials,
} from '../contract/fields.js';
