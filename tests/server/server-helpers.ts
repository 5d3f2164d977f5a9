import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTokenApp, type LocalServerOptions } from '../../shared/server/local-token-server.js';
import { decodeToken, type DecodedToken007, type ServiceInfo } from '../../shared/token/index.js';
import { VECTOR_CREDENTIALS } from '../fixtures/agora-vectors.js';

export const CREDENTIALS = VECTOR_CREDENTIALS;

export const PUBLISHER = (s: number) => ({
  joinChannel: s,
  publishAudioStream: s,
  publishVideoStream: s,
  publishDataStream: s,
});
export const SUBSCRIBER = (s: number) => ({ joinChannel: s });

export function tokenApp(options: Partial<LocalServerOptions> = {}): FastifyInstance {
  return createTokenApp({ credentials: CREDENTIALS, ...options });
}

/** Decodes with our certificate and insists the signature checks out. */
export function verified(token: unknown): DecodedToken007 {
  expect(typeof token).toBe('string');
  const decoded = decodeToken(token as string, { appCertificate: CREDENTIALS.appCertificate });
  if (decoded.version !== '007') throw new Error(`expected a 007 token, got ${decoded.version}`);
  expect(decoded.signature).toBe('valid');
  expect(decoded.appId).toBe(CREDENTIALS.appId);
  return decoded;
}

/** The services a token grants, checked against what the request asked for. */
export function expectServices(token: unknown, expire: number, services: ServiceInfo[]): void {
  const decoded = verified(token);
  expect(decoded.expire).toBe(expire);
  expect(decoded.services).toEqual(services);
}

export const NO_CACHE = {
  'cache-control': 'private, no-cache, no-store, must-revalidate',
  expires: '-1',
  pragma: 'no-cache',
};
