import { z } from 'zod';
import { isUint32, parseDigits } from '../contract/fields.js';
import { expireSchema, MAX_UINT32, parseInput, uidSchema } from '../token/validation.js';
import { goBodyBinder } from './go-json-body.js';
import { HTTP_TOKEN_TYPES, TOKEN_TYPE_MESSAGE } from './registry-token-types.js';

/**
 * URL and body rules of the agora-token-service API. Strings from the URL are turned into
 * numbers here and then checked by the engine's own schemas, so the HTTP server, the CLI
 * and IPC reject the same values with the same messages.
 */

// A string of digits becomes its number; anything else becomes NaN, which the engine's
// number schemas reject with their usual message.
// Leading zeros are allowed at any length, as Go's strconv.ParseUint allows them ("00000000001" is 1).
export const digitsToNumber = (value: string): number => {
  const significant = value.length > 1 && value.charCodeAt(0) === 48 /* '0' */ ? value.replace(/^0+(?=\d)/, '') : value;
  return parseDigits(significant, 16) ?? Number.NaN;
};

/** A decimal uid in range (leading zeros allowed), else undefined: the value is then an account. */
export function uidFromDigits(value: string): number | undefined {
  const n = digitsToNumber(value);
  return Number.isNaN(n) || n > MAX_UINT32 ? undefined : n;
}

const expiryQuerySchema = z
  .string({ error: 'expiry must be given once, as a whole number of seconds' })
  .transform(digitsToNumber)
  .pipe(expireSchema('expiry').def.innerType);
const uidParamSchema = z.string().transform(digitsToNumber).pipe(uidSchema);
// Built once: zod compiles an object schema on its first parse, which per request would
// cost more than building the token (npm run bench caught it).
const expiryQuery = z.object({ expiry: expiryQuerySchema });
const uidParam = z.object({ uid: uidParamSchema });

/** `?expiry=N`: absent means the default (3600 s); so does 0, as in the engine. */
export function parseExpiry(query: { expiry?: unknown } | undefined): number | undefined {
  const raw = query?.expiry;
  if (raw === undefined) return undefined;
  // Same fast path as parseUidParam: the expiry range is the uid range.
  const seconds = typeof raw === 'string' ? uidFromDigits(raw) : undefined;
  return seconds ?? parseInput(expiryQuery, { expiry: raw }).expiry;
}

/** A numeric RTC uid from the path; an empty segment means 0 (any user). */
export function parseUidParam(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  // A uid in range is what the schema would return; only the rest pays for zod and its message.
  const uid = uidFromDigits(value);
  return uid ?? parseInput(uidParam, { uid: value }).uid;
}

const optionalText = (field: string) =>
  z
    .string({ error: `${field} must be a string` })
    .optional()
    // Go's JSON binding treats "" as absent; keep that so existing clients behave the same.
    .transform((value) => (value === '' ? undefined : value));

/** The JSON body of POST /getToken. Unknown fields are ignored, as the Go service does. */
export const getTokenBodySchema = z.object(
  {
    tokenType: z.enum(HTTP_TOKEN_TYPES, { error: TOKEN_TYPE_MESSAGE }),
    channel: optionalText('channel'),
    role: optionalText('role'),
    uid: optionalText('uid'),
    expire: expireSchema('expire'),
    appId: optionalText('appId'),
  },
  { error: 'the request body must be a JSON object with tokenType' },
);

const BODY_FIELDS = ['tokenType', 'channel', 'role', 'uid', 'expire', 'appId'] as const;
const bindBody = goBodyBinder(BODY_FIELDS);

/** POST /getToken's body, bound as Go binds it (any key case, null = absent), then checked. */
export function parseGetTokenBody(body: unknown): ParsedGetTokenBody {
  const bound = bindBody(body);
  return wellTypedBody(bound) ?? parseInput(getTokenBodySchema, bound);
}

const TOKEN_TYPES: ReadonlySet<unknown> = new Set(HTTP_TOKEN_TYPES);
const TEXT_FIELDS = ['channel', 'role', 'uid'] as const;

/**
 * What getTokenBodySchema returns for a body it accepts, without running zod (about 2 % of
 * a request's CPU in a CPU profile); undefined for anything else, which the schema then
 * rejects with its message. Same output: the fields given, in the schema's order, "" as undefined.
 */
function wellTypedBody(bound: Partial<Record<(typeof BODY_FIELDS)[number], unknown>>): ParsedGetTokenBody | undefined {
  const { tokenType, expire, appId } = bound;
  if (typeof tokenType !== 'string' || !TOKEN_TYPES.has(tokenType)) return undefined;
  // zod's output type lists every key; at run time, as here, only the keys given are present.
  const parsed: Partial<ParsedGetTokenBody> = { tokenType };
  for (const field of TEXT_FIELDS) {
    const value = bound[field];
    if (value === undefined) continue;
    if (typeof value !== 'string') return undefined;
    parsed[field] = value === '' ? undefined : value;
  }
  if (expire !== undefined) {
    if (!isUint32(expire)) return undefined;
    parsed.expire = expire;
  }
  if (appId !== undefined) {
    if (typeof appId !== 'string') return undefined;
    parsed.appId = appId === '' ? undefined : appId;
  }
  return parsed as ParsedGetTokenBody;
}

export type ParsedGetTokenBody = z.output<typeof getTokenBodySchema>;
