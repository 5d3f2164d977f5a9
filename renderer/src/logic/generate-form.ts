/**
 * The Generate form as plain data: its fields, their validation with the token engine's
 * own zod rules (so the UI says exactly what the CLI and server say), and the IPC request
 * it becomes. Kept free of React so it is unit-tested under Node.
 */
import type { z } from 'zod';
import type { ChatTokenRequest, Role, RteTokenRequest, RtcTokenRequest, RtmTokenRequest } from '../../../shared/contract.js';
import {
  accountSchema,
  channelSchema,
  expireSchema,
  parseUidString,
  streamChannelSchema,
  userIdSchema,
} from '../../../shared/token/validation.js';

export type TokenKind = 'rtc' | 'rtm' | 'rte' | 'chat';
export const TOKEN_KINDS: readonly TokenKind[] = ['rtc', 'rtm', 'rte', 'chat'];
export const KIND_LABELS: Record<TokenKind, string> = { rtc: 'RTC', rtm: 'RTM', rte: 'RTC + RTM', chat: 'Chat' };

export interface GenerateForm {
  kind: TokenKind;
  channel: string;
  buildBy: 'uid' | 'account';
  uid: string;
  account: string;
  role: Role;
  expire: string;
  privilegeExpire: string;
  perPrivilege: boolean;
  join: string;
  audio: string;
  video: string;
  data: string;
  /** RTM user id, Chat user id. */
  userId: string;
  /** RTM stream channel (optional, may be *). */
  streamChannel: string;
  /** RTE: RTM user id, defaults to the uid. */
  rtmUserId: string;
  chatKind: 'user' | 'app';
}

export const EMPTY_FORM: GenerateForm = {
  kind: 'rtc',
  channel: '',
  buildBy: 'uid',
  uid: '0',
  account: '',
  role: 'publisher',
  expire: '',
  privilegeExpire: '',
  perPrivilege: false,
  join: '',
  audio: '',
  video: '',
  data: '',
  userId: '',
  streamChannel: '',
  rtmUserId: '',
  chatKind: 'user',
};

export type FieldName = keyof GenerateForm;
export type FieldErrors = Partial<Record<FieldName, string>>;

const UID_MESSAGE = 'uid must be a whole number from 0 to 4294967295';
const PRIVILEGE_FIELDS = ['join', 'audio', 'video', 'data'] as const;

function check(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : (result.error.issues[0]?.message ?? 'invalid value');
}

/** Seconds typed as text; '' means "use the default". */
export function parseSeconds(text: string): number | undefined | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : 'invalid';
}

function checkSeconds(text: string, field: string): string | undefined {
  const value = parseSeconds(text);
  return check(expireSchema(field), value === 'invalid' ? Number.NaN : value);
}

function checkUid(text: string): string | undefined {
  return parseUidString(text.trim()) === undefined ? UID_MESSAGE : undefined;
}

/** Every error the form has now, keyed by field; only fields the chosen kind uses count. */
export function validateForm(form: GenerateForm): FieldErrors {
  const errors: FieldErrors = {};
  const set = (field: FieldName, message: string | undefined) => {
    if (message !== undefined) errors[field] = message;
  };
  set('expire', checkSeconds(form.expire, 'expire'));
  if (form.kind === 'rtc' || form.kind === 'rte') {
    set('channel', check(channelSchema, form.channel));
    if (form.kind === 'rtc' && form.buildBy === 'account') set('account', check(accountSchema, form.account));
    else set('uid', checkUid(form.uid));
  }
  if (form.kind === 'rtc') {
    set('privilegeExpire', checkSeconds(form.privilegeExpire, 'privilege expire'));
    if (form.perPrivilege) for (const name of PRIVILEGE_FIELDS) set(name, checkSeconds(form[name], `${name} expire`));
  }
  if (form.kind === 'rte') {
    if (form.rtmUserId !== '') set('rtmUserId', check(userIdSchema('RTM user id'), form.rtmUserId));
    else if (form.uid.trim() === '0') set('rtmUserId', 'RTM user id is required when the uid is 0');
  }
  if (form.kind === 'rtm') {
    set('userId', check(userIdSchema('user id'), form.userId));
    if (form.streamChannel !== '') set('streamChannel', check(streamChannelSchema, form.streamChannel));
  }
  if (form.kind === 'chat' && form.chatKind === 'user') set('userId', check(userIdSchema('user id'), form.userId));
  return errors;
}

function seconds(text: string): number | undefined {
  const value = parseSeconds(text);
  return value === 'invalid' ? undefined : value;
}

export type GenerateRequest =
  | { channel: 'token:rtc'; request: RtcTokenRequest }
  | { channel: 'token:rtm'; request: RtmTokenRequest }
  | { channel: 'token:rte'; request: RteTokenRequest }
  | { channel: 'token:chat'; request: ChatTokenRequest };

function optional<T extends object>(entries: T): Partial<T> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined && value !== '')) as Partial<T>;
}

/** The IPC call for a valid form (call validateForm first). */
export function toRequest(form: GenerateForm, profileId: string): GenerateRequest {
  const expire = seconds(form.expire);
  const uid = parseUidString(form.uid.trim()) ?? 0;
  switch (form.kind) {
    case 'rtc': {
      const privileges = form.perPrivilege
        ? optional({ join: seconds(form.join), audio: seconds(form.audio), video: seconds(form.video), data: seconds(form.data) })
        : {};
      const request: RtcTokenRequest = {
        profileId,
        channel: form.channel,
        role: form.role,
        ...(form.buildBy === 'account' ? { account: form.account } : { uid }),
        ...optional({ expire, privilegeExpire: seconds(form.privilegeExpire) }),
        ...(Object.keys(privileges).length > 0 ? { privileges } : {}),
      };
      return { channel: 'token:rtc', request };
    }
    case 'rtm':
      return { channel: 'token:rtm', request: { profileId, userId: form.userId, ...optional({ channel: form.streamChannel, expire }) } };
    case 'rte':
      return {
        channel: 'token:rte',
        request: { profileId, channel: form.channel, uid, role: form.role, ...optional({ rtmUserId: form.rtmUserId, expire }) },
      };
    case 'chat':
      return { channel: 'token:chat', request: { profileId, ...optional({ userId: form.chatKind === 'user' ? form.userId : '', expire }) } };
  }
}
