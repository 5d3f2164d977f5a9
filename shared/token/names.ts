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

/** Privilege numbers per service type; numbers missing here are kept as numbers. */
export const PRIVILEGE_NAMES: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  rtc: { 1: 'joinChannel', 2: 'publishAudioStream', 3: 'publishVideoStream', 4: 'publishDataStream' },
  rtm: { 1: 'login' },
  streaming: { 1: 'publishMixStream', 2: 'publishRawStream' },
  fpa: { 1: 'login' },
  chat: { 1: 'user', 2: 'app' },
  fcdn: { 1: 'publish', 2: 'play' },
  apaas: { 1: 'roomUser', 2: 'user', 3: 'app' },
  rtm2: { 1: 'login' },
};

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
