/** The decoded-token shapes of DESIGN.md §2, shared by the CLI, IPC and the UI. */

export type SignatureVerdict = 'valid' | 'invalid' | 'unchecked';

/** One App Certificate to verify with, named so a verdict can say which one signed. */
export interface CertificateCandidate {
  /** e.g. 'primary' or 'secondary'; shown to users, never the certificate itself. */
  label: string;
  value: string;
}

/** Privilege name (or its number, when unknown) to seconds after issuedAt (007). */
export type PrivilegeMap = Record<string, number>;

interface ServiceBase {
  privileges: PrivilegeMap;
}

export interface RtcServiceInfo extends ServiceBase {
  type: 'rtc';
  channel: string;
  uid: string;
}
export interface RtmServiceInfo extends ServiceBase {
  type: 'rtm';
  userId: string;
}
export interface ChatServiceInfo extends ServiceBase {
  type: 'chat';
  userId: string;
}
export interface StreamingServiceInfo extends ServiceBase {
  type: 'streaming' | 'fcdn';
  channel: string;
  account: string;
}
export interface ApaasServiceInfo extends ServiceBase {
  type: 'apaas';
  roomUuid: string;
  userUuid: string;
  role: number;
}
export interface Rtm2ServiceInfo extends ServiceBase {
  type: 'rtm2';
  userId: string;
  permissions: Record<string, Record<string, string[]>>;
}
export interface PlainServiceInfo extends ServiceBase {
  type: 'fpa' | 'convoai' | 'stt';
}

export type ServiceInfo =
  | RtcServiceInfo
  | RtmServiceInfo
  | ChatServiceInfo
  | StreamingServiceInfo
  | ApaasServiceInfo
  | Rtm2ServiceInfo
  | PlainServiceInfo;

export interface DecodedToken007 {
  version: '007';
  appId: string;
  issuedAt: number;
  expire: number;
  expiresAt: number;
  salt: number;
  services: ServiceInfo[];
  signature: SignatureVerdict;
  /** Label of the certificate that signed it, when one of several verified it. */
  signedBy?: string;
}

export interface DecodedToken006 {
  version: '006';
  appId: string;
  /**
   * The token's `ts`: Agora's message timestamp, which its builder sets to build time + 24 h.
   * It is not when the token was issued.
   */
  messageTimestamp: number;
  /**
   * @deprecated Same value as messageTimestamp, kept only until every reader uses that name;
   * it is not an issue time. JSON output (decodedJson) leaves it out.
   */
  issuedAt: number;
  salt: number;
  channelCrc: number;
  uidCrc: number;
  /** Privilege name to absolute unix time (0 means it does not expire). */
  privileges: PrivilegeMap;
  signature: SignatureVerdict;
  /** Label of the certificate that signed it, when one of several verified it. */
  signedBy?: string;
}

export type DecodedToken = DecodedToken007 | DecodedToken006;

/** Which limit ends a privilege: its own value, the token's expiry, or neither. */
export type PrivilegeLimit = 'privilege' | 'token' | 'none';

/** One privilege at a moment: its effective expiry and the value it was encoded with. */
export interface PrivilegeTimeStatus {
  service: string;
  privilege: string;
  /** Effective expiry (the earlier of the token's and the privilege's), or null for never. */
  expiresAt: number | null;
  expired: boolean;
  /** Index of its service in `services` (007); 0 for a 006 token. */
  serviceIndex: number;
  /** The value as encoded: seconds after issuedAt (007) or a unix time (006); 0 means no own limit. */
  encoded: number;
  /** When the privilege's own value ends it, ignoring the token's expiry; null when it sets none. */
  ownExpiresAt: number | null;
  /** Which limit applies; 'token' with ownExpiresAt later than expiresAt means the encoded value is cut short. */
  limitedBy: PrivilegeLimit;
}

/** What the token allows at a moment, derived from a decoded token. */
export interface TokenTimeStatus {
  /** Unix seconds when the token stops working, or null when nothing expires. */
  expiresAt: number | null;
  expired: boolean;
  /** Per privilege: absolute expiry (null for never) and whether it has passed. */
  privileges: PrivilegeTimeStatus[];
}

// Built tokens are part of the contract: their types come from its schemas.
export type { BuiltRteTokens, BuiltToken } from '../contract/views.js';
