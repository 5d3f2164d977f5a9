/**
 * JSON schemas of the routes, for the OpenAPI document and Fastify's reply serialiser.
 * They describe; they do not check input (our zod rules do, with our messages).
 */

import { MAX_UINT32 } from '../contract/text-rules.js';

/** A uid or seconds as the token stores them (unsigned 32 bits); `nullable` for Go's `null` = absent. */
export function uint32Schema(description?: string, nullable = false) {
  return {
    type: nullable ? ['integer', 'null'] : 'integer',
    minimum: 0,
    maximum: MAX_UINT32,
    ...(description === undefined ? {} : { description }),
  } as const;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Input schemas for /openapi.json only (params, querystring, body); never validated. */
    openapi?: { params?: object; querystring?: object; body?: object };
  }
}

export function replySchema(...fields: string[]) {
  return {
    200: {
      description: 'success',
      type: 'object',
      properties: Object.fromEntries(fields.map((field) => [field, { type: 'string' }])),
      required: fields,
    },
  } as const;
}

const errorBody = {
  type: 'object',
  properties: { status: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } },
  required: ['status', 'error', 'message'],
} as const;

export const errorResponses = {
  400: { description: 'bad input', ...errorBody },
  401: { description: 'authentication required (when enabled)', ...errorBody },
  403: { description: 'Host, Origin or JWT binding refused', ...errorBody },
  404: { description: 'unknown appId or route', ...errorBody },
  429: { description: 'rate limit reached (when enabled)', ...errorBody },
} as const;

export function pathParams(...names: string[]) {
  return {
    type: 'object',
    properties: Object.fromEntries(names.map((name) => [name, { type: 'string' }])),
    required: names,
  } as const;
}

export const expiryQuery = {
  type: 'object',
  properties: {
    expiry: uint32Schema('seconds; absent or 0 means 3600'),
    appId: { type: 'string', description: 'the project to use when the server serves several; default the first' },
  },
} as const;

export const bodySchema = {
  type: 'object',
  properties: {
    tokenType: { type: 'string', enum: ['rtc', 'rtm', 'chat'] },
    channel: { type: ['string', 'null'] },
    role: { type: ['string', 'null'], description: 'publisher, else subscriber' },
    uid: {
      type: ['string', 'null'],
      description: `rtc: a uid 0..${MAX_UINT32} or a user account; rtm/chat: the user id`,
    },
    expire: uint32Schema(undefined, true),
    appId: { type: ['string', 'null'] },
  },
  required: ['tokenType'],
} as const;
