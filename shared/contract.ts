/**
 * The one contract between the processes: every IPC channel (renderer -> main), every
 * event (main -> renderer) and every HTTP route of the local server. ipcMain
 * registration, the preload bridge, the renderer client, the browser-mode HTTP client
 * and the Fastify routes are all typed from these maps.
 */
import type { ErrorInfo } from './errors.js';
import type { BuiltRteTokens, BuiltToken, DecodedToken } from './token/types.js';

// ---------------------------------------------------------------- shared views

export interface ProfileView {
  id: string;
  name: string;
  appId: string;
  /** ISO 8601 time the profile was added. */
  createdAt: string;
  isDefault: boolean;
}

export interface ProfileProblemView {
  kind: 'missing_certificate' | 'orphan_certificate' | 'corrupt_metadata';
  message: string;
  profileId?: string;
  profileName?: string;
}

export interface KeychainStatus {
  available: boolean;
  /** Why it is unavailable and how to fix it, when it is. */
  message?: string;
}

export type Role = 'publisher' | 'subscriber';

/** What a generated token looks like to the UI: exactly what the engine returns. */
export type GeneratedToken = BuiltToken;
export type GeneratedRtePair = BuiltRteTokens;

export interface RtcTokenRequest {
  profileId: string;
  channel: string;
  uid?: number;
  account?: string;
  role: Role;
  expire?: number;
  privilegeExpire?: number;
  privileges?: { join?: number; audio?: number; video?: number; data?: number };
}

export interface RtmTokenRequest {
  profileId: string;
  userId: string;
  channel?: string;
  expire?: number;
}

export interface RteTokenRequest {
  profileId: string;
  channel: string;
  uid: number;
  rtmUserId?: string;
  role: Role;
  expire?: number;
}

export interface ChatTokenRequest {
  profileId: string;
  /** Omitted for an app token. */
  userId?: string;
  expire?: number;
}

export interface DecodeRequest {
  token: string;
  /** 006 tokens sign channel and uid; give them to verify one. */
  channel?: string;
  uid?: string;
}

export interface DecodeView {
  decoded: DecodedToken;
  /** The saved profile whose App ID matches the token, if any (its certificate verified it). */
  profile: { id: string; name: string } | null;
  /** One sentence explaining the signature verdict. */
  signatureReason: string;
}

export interface ServerStartRequest {
  profileId: string;
  port: number;
  host: string;
  /** CORS_ALLOW_ORIGIN syntax: '*', a comma-separated list of origins, or '' for none. */
  corsOrigins: string;
}

export interface ServerStatus {
  state: 'stopped' | 'listening' | 'error';
  url?: string;
  host?: string;
  port?: number;
  profileId?: string;
  corsOrigins?: string;
  error?: ErrorInfo;
}

/** One request served by the local server (never includes a token or a secret). */
export interface RequestLogEntry {
  /** Epoch milliseconds when the response was sent. */
  time: number;
  method: string;
  /** The URL path, without the query string. */
  path: string;
  status: number;
  /** Time to respond, in milliseconds. */
  ms: number;
}

// ---------------------------------------------------------------- IPC

export interface IpcChannels {
  'profiles:list': {
    request: void;
    response: { profiles: ProfileView[]; problems: ProfileProblemView[]; keychain: KeychainStatus };
  };
  'profiles:add': { request: { name: string; appId: string; appCertificate: string }; response: ProfileView };
  'profiles:rename': { request: { id: string; name: string }; response: ProfileView };
  'profiles:update-certificate': { request: { id: string; appCertificate: string }; response: ProfileView };
  'profiles:remove': { request: { id: string }; response: { removed: true } };
  'profiles:set-default': { request: { id: string }; response: ProfileView };
  'token:rtc': { request: RtcTokenRequest; response: GeneratedToken };
  'token:rtm': { request: RtmTokenRequest; response: GeneratedToken };
  'token:rte': { request: RteTokenRequest; response: GeneratedRtePair };
  'token:chat': { request: ChatTokenRequest; response: GeneratedToken };
  'token:decode': { request: DecodeRequest; response: DecodeView };
  'server:start': { request: ServerStartRequest; response: ServerStatus };
  'server:stop': { request: void; response: ServerStatus };
  'server:status': { request: void; response: ServerStatus };
  'clipboard:write': { request: { text: string }; response: { written: true } };
}

export type IpcChannel = keyof IpcChannels;
export type IpcRequest<C extends IpcChannel> = IpcChannels[C]['request'];
export type IpcResponse<C extends IpcChannel> = IpcChannels[C]['response'];

/**
 * Handlers answer with a Result instead of throwing: an Error thrown across Electron's
 * IPC loses its code and gains a prefix, and the UI needs the code and field intact.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Events pushed from main to the renderer. */
export interface IpcEvents {
  'server:request': RequestLogEntry;
  'server:status': ServerStatus;
}
export type IpcEvent = keyof IpcEvents;

export const IPC_CHANNELS: readonly IpcChannel[] = [
  'profiles:list',
  'profiles:add',
  'profiles:rename',
  'profiles:update-certificate',
  'profiles:remove',
  'profiles:set-default',
  'token:rtc',
  'token:rtm',
  'token:rte',
  'token:chat',
  'token:decode',
  'server:start',
  'server:stop',
  'server:status',
  'clipboard:write',
];
export const IPC_EVENTS: readonly IpcEvent[] = ['server:request', 'server:status'];

/** What the preload exposes as `window.tokenDesk` (and what browser mode implements over HTTP). */
export interface TokenDeskApi {
  invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResult<IpcResponse<C>>>;
  /** Subscribes to a main-process event; returns the unsubscribe function. */
  on<E extends IpcEvent>(event: E, listener: (payload: IpcEvents[E]) => void): () => void;
}

// ---------------------------------------------------------------- HTTP (agora-token-service API)

export interface GetTokenBody {
  tokenType: 'rtc' | 'rtm' | 'chat';
  channel?: string;
  role?: string;
  uid?: string;
  expire?: number;
}

/** Every error response of the local server. */
export interface HttpErrorBody {
  status: number;
  error: string;
  message: string;
}

export interface HttpRoutes {
  'GET /ping': { params: Record<string, never>; response: { message: 'pong' } };
  'POST /getToken': { params: Record<string, never>; body: GetTokenBody; response: { token: string } };
  'GET /rtc/:channelName/:role/:tokenType/:rtcuid': {
    params: { channelName: string; role: string; tokenType: string; rtcuid: string };
    query: { expiry?: string };
    response: { rtcToken: string };
  };
  'GET /rtm/:rtmuid': { params: { rtmuid: string }; query: { expiry?: string }; response: { rtmToken: string } };
  'GET /rte/:channelName/:role/:tokenType/:rtcuid/:rtmuid?': {
    params: { channelName: string; role: string; tokenType: string; rtcuid: string; rtmuid?: string };
    query: { expiry?: string };
    response: { rtcToken: string; rtmToken: string };
  };
  'GET /chat/app': { params: Record<string, never>; query: { expiry?: string }; response: { chatToken: string } };
  'GET /chat/account/:chatid': { params: { chatid: string }; query: { expiry?: string }; response: { chatToken: string } };
}
