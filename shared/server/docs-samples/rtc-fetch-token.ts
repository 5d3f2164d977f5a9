import { z } from 'zod';
import { buildRtcToken } from '../../token/build.js';
import { channelSchema, expireSchema, parseInput, uidSchema, type Credentials } from '../../token/validation.js';
import { goBodyBinder } from '../go-json-body.js';

/**
 * `POST /fetch_rtc_token` of the AccessToken2 token-server guide (its Go sample): a JSON
 * body `{"uid": 123, "ChannelName": "room", "role": 1}` answered with
 * `{"token": "…", "code": "200"}`.
 */

const FIELDS = ['uid', 'channelName', 'role', 'expire', 'appId'] as const;

const ROLE_MESSAGE = 'role must be 1 (publisher) or 2 (subscriber)';

// Built once: zod compiles an object schema on its first parse.
const fetchRtcTokenSchema = z.object({
  // The sample's uid is a Go uint32: absent means 0 (any user), a string is a type error.
  uid: z.optional(uidSchema),
  channelName: channelSchema,
  role: z.union([z.literal(1), z.literal(2)], { error: ROLE_MESSAGE }).optional(),
  expire: expireSchema('expire'),
  appId: z.string({ error: 'appId must be a string' }).optional(),
});

export type FetchRtcTokenInput = z.output<typeof fetchRtcTokenSchema>;

/** The body as the Go sample's decoder reads it: any key case, `null` as absent, unknown keys ignored. */
const bindBody = goBodyBinder(FIELDS, 'uid, ChannelName and role');

export function parseFetchRtcTokenBody(body: unknown): FetchRtcTokenInput {
  return parseInput(fetchRtcTokenSchema, bindBody(body));
}

export interface FetchRtcTokenReply {
  token: string;
  code: '200';
}

/**
 * Role 1 publishes; 2 joins only. The sample grants join only when role is absent (Go's
 * zero value is neither role), and so do we.
 */
export function fetchRtcToken(credentials: Credentials, input: FetchRtcTokenInput): FetchRtcTokenReply {
  const role = input.role === 1 ? 'publisher' : 'subscriber';
  const built = buildRtcToken(credentials, {
    channel: input.channelName,
    uid: input.uid ?? 0,
    role,
    expire: input.expire,
  });
  return { token: built.token, code: '200' };
}
