import type { ServiceInfo } from './types.js';

/** Service type numbers of the 007 format, named as DESIGN.md's decoded JSON names them. */
export const SERVICE_TYPE_NAMES: Readonly<Record<number, ServiceInfo['type']>> = {
  1: 'rtc',
  2: 'rtm',
  3: 'streaming',
  4: 'fpa',
  5: 'chat',
  6: 'fcdn',
  7: 'apaas',
  8: 'rtm2',
  9: 'convoai',
  10: 'stt',
};

/**
 * Privilege numbers per service type, from agora-token's Service classes; numbers missing
 * here are kept as numbers. ConvoAI and STT define no privileges of their own: their
 * tokens carry RTC and RTM services beside the (empty) marker service.
 */
export const PRIVILEGE_NAMES: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  rtc: { 1: 'joinChannel', 2: 'publishAudioStream', 3: 'publishVideoStream', 4: 'publishDataStream' },
  rtm: { 1: 'login' },
  streaming: { 1: 'publishMixStream', 2: 'publishRawStream' },
  fpa: { 1: 'login' },
  chat: { 1: 'user', 2: 'app' },
  fcdn: { 1: 'publish', 2: 'play' },
  apaas: { 1: 'roomUser', 2: 'user', 3: 'app' },
  rtm2: { 1: 'login' },
  convoai: {},
  stt: {},
};

/** RTM2 permission resource types and permission types (agora-token's Rtm2Permissions). */
export const RTM2_RESOURCE_NAMES: Readonly<Record<number, string>> = {
  0: 'messageChannels',
  1: 'streamChannels',
  2: 'groupChannels',
  3: 'serverGroups',
  4: 'users',
};
export const RTM2_PERMISSION_NAMES: Readonly<Record<number, string>> = { 0: 'read', 1: 'write' };

/** RTM2 permissions with named resource and permission types; unknown numbers stay numbers. */
export function nameRtm2Permissions(
  details: Record<string, Record<string, string[]>>,
): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const [resource, byPermission] of Object.entries(details)) {
    const named: Record<string, string[]> = {};
    for (const [permission, resources] of Object.entries(byPermission)) {
      named[RTM2_PERMISSION_NAMES[Number(permission)] ?? permission] = [...resources];
    }
    out[RTM2_RESOURCE_NAMES[Number(resource)] ?? resource] = named;
  }
  return out;
}

/** 006 privileges (values are absolute unix times). */
export const PRIVILEGE_NAMES_006: Readonly<Record<number, string>> = {
  1: 'joinChannel',
  2: 'publishAudioStream',
  3: 'publishVideoStream',
  4: 'publishDataStream',
  1000: 'rtmLogin',
};

export function namePrivileges(
  raw: Record<string, number>,
  names: Readonly<Record<number, string>> | undefined,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(raw)) {
    out[names?.[Number(key)] ?? key] = value;
  }
  return out;
}
