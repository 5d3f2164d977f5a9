import type * as AccessToken2Module from 'agora-token/src/AccessToken2.js';

/**
 * The agora-token classes a kind's builder uses, as a type only: kind modules stay
 * browser-safe, and main hands them the real classes (shared/token/agora-kit.ts).
 */
export interface AgoraKit {
  AccessToken2: typeof AccessToken2Module.AccessToken2;
  Rtm2Permissions: typeof AccessToken2Module.Rtm2Permissions;
  ServiceApaas: typeof AccessToken2Module.ServiceApaas;
  ServiceChat: typeof AccessToken2Module.ServiceChat;
  ServiceConvoAI: typeof AccessToken2Module.ServiceConvoAI;
  ServiceFpa: typeof AccessToken2Module.ServiceFpa;
  ServiceRtc: typeof AccessToken2Module.ServiceRtc;
  ServiceRtm: typeof AccessToken2Module.ServiceRtm;
  ServiceRtm2: typeof AccessToken2Module.ServiceRtm2;
  ServiceStt: typeof AccessToken2Module.ServiceStt;
  /** agora-token's aPaaS builder names the Chat user by the md5 hex of the user uuid. */
  md5Hex(text: string): string;
}
