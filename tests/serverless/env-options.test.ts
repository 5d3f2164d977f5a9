import { describe, expect, it } from 'vitest';
import { fetchOptionsFromEnv } from '../../shared/serverless/env-options.js';
import { CREDENTIALS, ENV, OTHER } from './parity.js';

describe("the serverless options from a platform's environment", () => {
  it('reads the projects, origins, keys and rate limit under serve’s names', () => {
    expect(
      fetchOptionsFromEnv({ ...ENV, AUTH_API_KEYS: ' a , b,,', RATE_LIMIT: '30', RATE_LIMIT_WINDOW: '10' }),
    ).toEqual({
      credentials: [CREDENTIALS, OTHER],
      corsOrigins: ENV['CORS_ALLOW_ORIGIN'],
      auth: { apiKeys: ['a', 'b'] },
      rateLimit: { max: 30, windowMs: 10_000 },
    });
    // PROJECTS alone is enough; no keys, no limit, no CORS by default.
    expect(fetchOptionsFromEnv({ PROJECTS: JSON.stringify([OTHER]) })).toEqual({
      credentials: [OTHER],
      corsOrigins: '',
    });
  });

  it('names the variable that is missing or wrong, never its value', () => {
    const secret = CREDENTIALS.appCertificate;
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{}, /no credentials: set the platform's secrets APP_ID and APP_CERTIFICATE/],
      [{ APP_CERTIFICATE: secret }, /^APP_ID is not set \(APP_CERTIFICATE is\)$/],
      [{ APP_ID: CREDENTIALS.appId }, /^APP_CERTIFICATE is not set \(APP_ID is\)$/],
      [{ APP_ID: CREDENTIALS.appId, APP_CERTIFICATE: 'short' }, /^APP_CERTIFICATE/],
      [{ PROJECTS: `[{"appId":"${CREDENTIALS.appId}","appCertificate":"${secret}"` }, /^PROJECTS is not valid JSON/],
      [{ PROJECTS: `[{"appId":"${CREDENTIALS.appId}","appCertificat":"${secret}"}]` }, /^PROJECTS\[0\]/],
      [{ ...ENV, RATE_LIMIT: 'lots' }, /^RATE_LIMIT must be a whole number/],
    ];
    for (const [env, message] of cases) {
      let thrown: unknown;
      try {
        fetchOptionsFromEnv(env);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(Object.keys(env))).toBeInstanceOf(Error);
      expect((thrown as Error).message).toMatch(message);
      expect((thrown as Error).message).not.toContain(secret);
    }
  });
});
