import type * as AccessToken2Module from 'agora-token/src/AccessToken2.js';

/**
 * agora-token's building blocks, as a type only: kind modules stay browser-safe, and main
 * hands them the real module (shared/token/agora-kit.ts). Every class agora-token's
 * AccessToken2 module exports is there, so a new kind needs no change here.
 */
export type AgoraKit = typeof AccessToken2Module & {
  /** agora-token's aPaaS builder names the Chat user by the md5 hex of the user uuid. */
  md5Hex(text: string): string;
};
