import type { z } from 'zod/mini';
import type { BuiltRteTokens, BuiltToken } from '../contract/views.js';
import type { Credentials } from '../contract/fields.js';
import { buildKind } from './build-kind.js';
import type { BuildOptions } from './kinds/kind.js';
import { chatKind } from './kinds/chat.js';
import { rtcKind } from './kinds/rtc.js';
import { rteKind } from './kinds/rte.js';
import { rtmKind } from './kinds/rtm.js';

/**
 * Named builders for the kinds the server's routes use, over the registry
 * (shared/token/kinds). Each parses its input with the kind's schema.
 */

export type { BuildOptions } from './kinds/kind.js';

export const rtcTokenInputSchema = rtcKind.schema;
export const rtmTokenInputSchema = rtmKind.schema;
export const rteTokenInputSchema = rteKind.schema;
export const chatTokenInputSchema = chatKind.schema;

export interface RtcTokenInput {
  channel: string;
  uid?: number | undefined;
  account?: string | undefined;
  role?: 'publisher' | 'subscriber' | undefined;
  expire?: number | undefined;
  privilegeExpire?: number | undefined;
  privileges?:
    | { join?: number | undefined; audio?: number | undefined; video?: number | undefined; data?: number | undefined }
    | undefined;
}
export interface RtmTokenInput {
  userId: string;
  channel?: string | undefined;
  expire?: number | undefined;
  permissions?: { read?: string[] | undefined; write?: string[] | undefined } | undefined;
}
export type RteTokenInput = z.input<typeof rteKind.schema> & {
  channel: string;
  uid?: number | undefined;
  account?: string | undefined;
  rtmUserId?: string | undefined;
  role?: 'publisher' | 'subscriber' | undefined;
  expire?: number | undefined;
};
export interface ChatTokenInput {
  userId?: string | undefined;
  expire?: number | undefined;
}

const single = (built: ReturnType<typeof buildKind>): BuiltToken => {
  if (!('token' in built)) throw new Error('expected one token');
  return built;
};

export function buildRtcToken(credentials: Credentials, input: RtcTokenInput, options: BuildOptions = {}): BuiltToken {
  return single(buildKind(rtcKind, credentials, input, options));
}

export function buildRtmToken(credentials: Credentials, input: RtmTokenInput, options: BuildOptions = {}): BuiltToken {
  return single(buildKind(rtmKind, credentials, input, options));
}

export function buildRteTokens(
  credentials: Credentials,
  input: RteTokenInput,
  options: BuildOptions = {},
): BuiltRteTokens {
  const built = buildKind(rteKind, credentials, input, options);
  if (!('rtcToken' in built)) throw new Error('expected a token pair');
  return built;
}

export function buildChatUserToken(
  credentials: Credentials,
  input: { userId: string; expire?: number | undefined },
  options: BuildOptions = {},
): BuiltToken {
  return single(buildKind(chatKind, credentials, input, options));
}

export function buildChatAppToken(
  credentials: Credentials,
  input: { expire?: number | undefined } = {},
  options: BuildOptions = {},
): BuiltToken {
  return single(buildKind(chatKind, credentials, { expire: input.expire }, options));
}

/** Chat user token when a user id is given, app token otherwise. */
export function buildChatToken(
  credentials: Credentials,
  input: ChatTokenInput,
  options: BuildOptions = {},
): BuiltToken {
  return single(buildKind(chatKind, credentials, input, options));
}
