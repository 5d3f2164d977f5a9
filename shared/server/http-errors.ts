import type { FastifyError } from 'fastify';
import type { HttpErrorBody } from '../contract/index.js';
import { TokenDeskError } from '../errors.js';
import { HttpStatusError } from './http-status-error.js';

/** The JSON every error response carries: agora-token-service's `error` plus `status` and `message`. */
export function errorBody(status: number, message: string): HttpErrorBody {
  return { status, error: message, message };
}

export const NOT_JSON_MESSAGE = 'the request body must be JSON (whatever its Content-Type)';

/**
 * Maps a failure to its status. Input problems are 4xx with the engine's message;
 * anything else is our bug and says only "internal error" (no stack, no secrets).
 */
export function describeError(error: unknown): { status: number; message: string } {
  // Ours, with a status chosen on purpose (a 503 from the shared rate-limit store included).
  if (error instanceof HttpStatusError) return { status: error.statusCode, message: error.message };
  if (error instanceof TokenDeskError) {
    if (error.code === 'invalid_input') return { status: 400, message: error.message };
    // An appId that no served profile has.
    if (error.code === 'profile_not_found') return { status: 404, message: error.message };
    return { status: 500, message: 'internal error' };
  }
  // Fastify's own words assume a JSON Content-Type; this server reads JSON whatever the type.
  if ((error as Partial<FastifyError> | null)?.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return { status: 400, message: NOT_JSON_MESSAGE };
  }
  const statusCode = (error as Partial<FastifyError> | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, message: (error as Error).message };
  }
  return { status: 500, message: 'internal error' };
}
