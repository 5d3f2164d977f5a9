import { createHash } from 'node:crypto';
import {
  AccessToken2,
  Rtm2Permissions,
  ServiceApaas,
  ServiceChat,
  ServiceConvoAI,
  ServiceFpa,
  ServiceRtc,
  ServiceRtm,
  ServiceRtm2,
  ServiceStt,
} from 'agora-token/src/AccessToken2.js';

/**
 * agora-token's building blocks, handed to each token kind's builder. The kind modules
 * only name this type, so they stay browser-safe (the renderer reads their schemas and
 * form fields) while the bytes are still assembled by agora-token itself, in main.
 */
export const agoraKit = {
  AccessToken2,
  Rtm2Permissions,
  ServiceApaas,
  ServiceChat,
  ServiceConvoAI,
  ServiceFpa,
  ServiceRtc,
  ServiceRtm,
  ServiceRtm2,
  ServiceStt,
  /** agora-token's aPaaS builder names the Chat user by the md5 hex of the user uuid. */
  md5Hex: (text: string): string => createHash('md5').update(text, 'utf8').digest('hex'),
};

export type AgoraKit = typeof agoraKit;
