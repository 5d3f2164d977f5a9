import { fitsUtf8Bytes, isChannelName, isUint32 } from '../../contract/text-rules.js';
import type { Role } from '../../contract/fields.js';

/**
 * The RTC kind's input as its schema returns it, for the inputs the server sends on every
 * request: a channel, a uid or an account, a role and an expiry, nothing else. Running the
 * zod/mini schema was about 4 % of a `POST /getToken`'s CPU (docs/benchmark.md); these are
 * the same rules (text-rules.ts) without the schema. Anything else, valid or not, returns
 * undefined and goes through the schema, so every message still comes from there.
 */
export interface AcceptedRtcInput {
  channel: string;
  uid?: number | undefined;
  account?: string | undefined;
  role: Role;
  expire?: number | undefined;
}

const KEYS: ReadonlySet<string> = new Set(['channel', 'uid', 'account', 'role', 'expire']);

export function acceptRtcInput(input: unknown): AcceptedRtcInput | undefined {
  if (typeof input !== 'object' || input === null || Object.getPrototypeOf(input) !== Object.prototype)
    return undefined;
  const v = input as Record<string, unknown>;
  for (const key in v) if (!KEYS.has(key)) return undefined;
  const { channel, uid, account, role, expire } = v;
  if (typeof channel !== 'string' || !isChannelName(channel)) return undefined;
  // Exactly one of uid and account (the schema's refinement).
  if (uid === undefined) {
    if (typeof account !== 'string' || account === '' || !fitsUtf8Bytes(account, 255)) return undefined;
  } else if (account !== undefined || !isUint32(uid)) return undefined;
  if (role !== undefined && role !== 'publisher' && role !== 'subscriber') return undefined;
  if (expire !== undefined && !isUint32(expire)) return undefined;
  // The schema's output: the shape's order, keys given as undefined kept, the role's default.
  const accepted: Partial<AcceptedRtcInput> = { channel };
  if ('uid' in v) accepted.uid = uid as number | undefined;
  if ('account' in v) accepted.account = account as string | undefined;
  accepted.role = role ?? 'publisher';
  if ('expire' in v) accepted.expire = expire as number | undefined;
  return accepted as AcceptedRtcInput;
}
