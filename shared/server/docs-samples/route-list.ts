/**
 * The routes of Agora's sample token servers as data: for `GET /`, `/openapi.json` and the
 * docs. Schemas are JSON Schema (OpenAPI 3.1 accepts them as they are).
 */
import { uint32Schema } from '../route-schemas.js';

export type DocsSampleKind = 'rtc' | 'chat';

export interface DocsSampleRouteInfo {
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  kind: DocsSampleKind;
  /** Which of Agora's samples defines the route. */
  sample: 'rtc-go' | 'chat-go' | 'chat-node' | 'chat-java';
  /** Where the input comes from. */
  input: 'json-body' | 'query' | 'form-or-query';
  inputSchema: Record<string, unknown>;
  responseType: 'application/json' | 'text/plain';
  responseSchema: Record<string, unknown>;
}

const secondsText = (description: string) => ({ type: 'string', pattern: '^\\d+$', description });
const appId = { type: 'string', description: "App ID of the profile to sign with (default: the server's)" };
const tokenReply = { type: 'object', properties: { token: { type: 'string' } }, required: ['token'] };
const successReply = {
  type: 'object',
  properties: { status: { const: 'success' }, token: { type: 'string' } },
  required: ['status', 'token'],
};

export const DOCS_SAMPLE_ROUTES: readonly DocsSampleRouteInfo[] = [
  {
    method: 'POST',
    path: '/fetch_rtc_token',
    summary: 'RTC token by uid, as the AccessToken2 token-server guide (Go) serves it; keys match in any case',
    kind: 'rtc',
    sample: 'rtc-go',
    input: 'json-body',
    inputSchema: {
      type: 'object',
      properties: {
        uid: { ...uint32Schema(), description: 'absent: 0 (any user)' },
        ChannelName: { type: 'string' },
        role: { enum: [1, 2], description: '1 publisher, 2 subscriber (absent: join only)' },
        expire: uint32Schema('token lifetime; absent or 0: 3600'),
        appId,
      },
      required: ['ChannelName'],
    },
    responseType: 'application/json',
    responseSchema: {
      type: 'object',
      properties: { token: { type: 'string' }, code: { const: '200' } },
      required: ['token', 'code'],
    },
  },
  {
    method: 'POST',
    path: '/generate-user-token',
    summary: 'Chat user token (Chat docs, Go sample)',
    kind: 'chat',
    sample: 'chat-go',
    input: 'json-body',
    inputSchema: {
      type: 'object',
      properties: { user_uuid: { type: 'string' }, expire: uint32Schema('token lifetime; absent or 0: 3600'), appId },
      required: ['user_uuid'],
    },
    responseType: 'application/json',
    responseSchema: tokenReply,
  },
  {
    method: 'POST',
    path: '/generate-app-token',
    summary: 'Chat app token (Chat docs, Go sample)',
    kind: 'chat',
    sample: 'chat-go',
    input: 'json-body',
    inputSchema: { type: 'object', properties: { expire: uint32Schema('token lifetime; absent or 0: 3600'), appId } },
    responseType: 'application/json',
    responseSchema: tokenReply,
  },
  {
    method: 'GET',
    path: '/api/token/generateUserToken',
    summary: 'Chat user token (Chat docs, Node.js and Python samples)',
    kind: 'chat',
    sample: 'chat-node',
    input: 'query',
    inputSchema: {
      type: 'object',
      properties: { account: { type: 'string' }, expireTimeInSeconds: secondsText('absent or 0: 3600'), appId },
      required: ['account'],
    },
    responseType: 'application/json',
    responseSchema: successReply,
  },
  {
    method: 'GET',
    path: '/api/token/generateAppToken',
    summary: 'Chat app token (Chat docs, Node.js and Python samples)',
    kind: 'chat',
    sample: 'chat-node',
    input: 'query',
    inputSchema: { type: 'object', properties: { expireTimeInSeconds: secondsText('absent or 0: 3600'), appId } },
    responseType: 'application/json',
    responseSchema: successReply,
  },
  {
    method: 'POST',
    path: '/token/generate',
    summary: 'Chat user or app token as plain text (Chat docs, Java sample); form fields or query parameters',
    kind: 'chat',
    sample: 'chat-java',
    input: 'form-or-query',
    inputSchema: {
      type: 'object',
      properties: {
        userId: { type: 'string', description: 'required for user tokens' },
        expireSeconds: secondsText('0: 3600'),
        tokenType: { type: 'string', description: 'user (default) or app, any letter case' },
        appId,
      },
      required: ['expireSeconds'],
    },
    responseType: 'text/plain',
    responseSchema: { type: 'string' },
  },
];
