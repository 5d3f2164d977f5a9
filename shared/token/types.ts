/** The decoded-token shapes of DESIGN.md §2, shared by the CLI, IPC and the UI. */

export type SignatureVerdict = 'valid' | 'invalid' | 'unchecked';

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
}

export interface DecodedToken006 {
  version: '006';
  appId: string;
  issuedAt: number;
  salt: number;
  channelCrc: number;
  uidCrc: number;
  /** Privilege name to absolute unix time (0 means it does not expire). */
  privileges: PrivilegeMap;
  signature: SignatureVerdict;
}

export type DecodedToken = DecodedToken007 | DecodedToken006;

/** What the token allows at a moment, derived from a decoded token. */
export interface TokenTimeStatus {
  /** Unix seconds when the token stops working, or null when nothing expires. */
  expiresAt: number | null;
  expired: boolean;
  /** Per privilege: absolute expiry (null for never) and whether it has passed. */
  privileges: Array<{ service: string; privilege: string; expiresAt: number | null; expired: boolean }>;
}

// Built tokens are part of the contract: their types come from its schemas.
export type { BuiltRteTokens, BuiltToken } from '../contract/views.js';
