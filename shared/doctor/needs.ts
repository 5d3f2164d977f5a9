/**
 * What each client action needs from a token: services, and privileges within them.
 * A need is met when the token has one of its services carrying one of its privileges
 * (or just the service, for marker services without privileges). Browser-safe.
 */
import type { DecodedToken, PrivilegeTimeStatus } from '../token/types.js';
import type { DoctorAction } from './schema.js';

export interface Need {
  /** What the need is for, in a sentence: "joining the RTC channel". */
  purpose: string;
  services: string[];
  /** Any one of these privileges; empty means the service alone is enough. */
  privileges: string[];
  /** The 006 privilege that meets it, when a 006 token can. */
  privilege006?: string;
}

const JOIN: Need = {
  purpose: 'joining the RTC channel',
  services: ['rtc'],
  privileges: ['joinChannel'],
  privilege006: 'joinChannel',
};
const PUBLISH: Need = {
  purpose: 'publishing audio or video',
  services: ['rtc'],
  privileges: ['publishAudioStream', 'publishVideoStream'],
  privilege006: 'publishAudioStream',
};
const RTM_LOGIN: Need = {
  purpose: 'logging in to RTM (Signaling)',
  services: ['rtm', 'rtm2'],
  privileges: ['login'],
  privilege006: 'rtmLogin',
};

export const ACTION_NEEDS: Readonly<Record<DoctorAction, readonly Need[]>> = {
  'rtc-join': [JOIN],
  'rtc-publish': [JOIN, PUBLISH],
  'rtm-login': [RTM_LOGIN],
  'rtm-stream-channel': [RTM_LOGIN, { ...JOIN, purpose: 'joining the stream channel (through the RTC service)' }],
  'chat-login': [{ purpose: 'logging in to Chat as a user', services: ['chat'], privileges: ['user'] }],
  'chat-app': [{ purpose: 'calling the Chat REST API with an app token', services: ['chat'], privileges: ['app'] }],
  'convoai-rest': [{ purpose: 'calling the Conversational AI REST API', services: ['convoai'], privileges: [] }],
  'stt-rest': [{ purpose: 'calling the real-time transcription (STT) REST API', services: ['stt'], privileges: [] }],
  'fpa-login': [{ purpose: 'connecting to FPA', services: ['fpa'], privileges: ['login'] }],
};

/** The privilege rows that can meet a need (live or not). */
export function rowsFor(need: Need, decoded: DecodedToken, rows: PrivilegeTimeStatus[]): PrivilegeTimeStatus[] {
  if (decoded.version === '006') return rows.filter((r) => r.privilege === need.privilege006);
  return rows.filter((r) => need.services.includes(r.service) && need.privileges.includes(r.privilege));
}

/** Whether the token has what the need asks for at all, ignoring time. */
export function tokenHas(need: Need, decoded: DecodedToken, rows: PrivilegeTimeStatus[]): boolean {
  if (decoded.version === '007' && need.privileges.length === 0)
    return decoded.services.some((s) => need.services.includes(s.type));
  return rowsFor(need, decoded, rows).length > 0;
}

/** Privilege rows the action depends on; all rows when no action is known. */
export function neededRows(
  action: DoctorAction | undefined,
  decoded: DecodedToken,
  rows: PrivilegeTimeStatus[],
): PrivilegeTimeStatus[] {
  if (action === undefined) return rows;
  return ACTION_NEEDS[action].flatMap((need) => rowsFor(need, decoded, rows));
}

/** Short names of the services a token carries, for messages: "rtc and rtm". */
export function serviceList(decoded: DecodedToken): string {
  if (decoded.version === '006')
    return `a 006 token with ${Object.keys(decoded.privileges).join(', ') || 'no privileges'}`;
  const names = decoded.services.map((s) => s.type);
  return names.length === 0 ? 'no service' : names.join(' and ');
}
