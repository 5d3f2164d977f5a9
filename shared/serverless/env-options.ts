import { z } from 'zod/mini';
import { parseProjects } from '../contract/projects.js';
import { credentialsSchema, type Credentials } from '../token/validation.js';
import { TokenDeskError } from '../errors.js';
import type { FetchHandlerOptions } from './fetch-handler.js';

/**
 * The fetch handler's options from a platform's environment: Lambda and Vercel give
 * `process.env`, a Worker its bindings (secrets and vars). The names are `serve`'s:
 * APP_ID + APP_CERTIFICATE and/or PROJECTS (a JSON array), CORS_ALLOW_ORIGIN,
 * AUTH_API_KEYS (comma-separated), RATE_LIMIT (+ RATE_LIMIT_WINDOW in seconds).
 * Messages name the variable, never its value: these hold certificates and keys.
 */
export type PlatformEnv = Readonly<Record<string, unknown>>;

function text(env: PlatformEnv, name: string): string {
  const value = env[name];
  return typeof value === 'string' ? value.trim() : '';
}

function primaryProject(env: PlatformEnv): Credentials[] {
  const appId = text(env, 'APP_ID');
  const appCertificate = text(env, 'APP_CERTIFICATE');
  if (appId === '' && appCertificate === '') return [];
  if (appId === '') throw new TokenDeskError('missing_credentials', 'APP_ID is not set (APP_CERTIFICATE is)');
  if (appCertificate === '') throw new TokenDeskError('missing_credentials', 'APP_CERTIFICATE is not set (APP_ID is)');
  const result = z.safeParse(credentialsSchema, { appId, appCertificate });
  if (result.success) return [result.data];
  const message = result.error.issues[0]?.message ?? 'invalid';
  throw new TokenDeskError(
    'missing_credentials',
    message.replace(/^App ID/, 'APP_ID').replace(/^App Certificate/, 'APP_CERTIFICATE'),
  );
}

function extraProjects(env: PlatformEnv): Credentials[] {
  const raw = text(env, 'PROJECTS');
  if (raw === '') return [];
  const projects = parseProjects(raw, 'PROJECTS');
  return projects.map(({ appId, appCertificate }) => ({ appId, appCertificate }));
}

function wholeNumber(env: PlatformEnv, name: string): number | undefined {
  const raw = text(env, name);
  if (raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new TokenDeskError('invalid_input', `${name} must be a whole number of at least 1`, name);
  return Number(raw);
}

function rateLimit(env: PlatformEnv): FetchHandlerOptions['rateLimit'] {
  const max = wholeNumber(env, 'RATE_LIMIT');
  const windowSeconds = wholeNumber(env, 'RATE_LIMIT_WINDOW');
  if (max === undefined) return undefined;
  return windowSeconds === undefined ? { max } : { max, windowMs: windowSeconds * 1000 };
}

/** Throws a TokenDeskError naming the variable that is missing or wrong. */
export function fetchOptionsFromEnv(env: PlatformEnv): FetchHandlerOptions {
  const credentials = [...primaryProject(env), ...extraProjects(env)];
  if (credentials.length === 0) {
    throw new TokenDeskError(
      'missing_credentials',
      "no credentials: set the platform's secrets APP_ID and APP_CERTIFICATE (or PROJECTS)",
    );
  }
  const apiKeys = text(env, 'AUTH_API_KEYS')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  const limit = rateLimit(env);
  return {
    credentials,
    corsOrigins: text(env, 'CORS_ALLOW_ORIGIN'),
    ...(apiKeys.length === 0 ? {} : { auth: { apiKeys } }),
    ...(limit === undefined ? {} : { rateLimit: limit }),
  };
}
