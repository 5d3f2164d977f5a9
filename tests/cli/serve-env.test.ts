import { describe, expect, it } from 'vitest';
import { serveCommand } from '../../cli/commands/serve.js';
import { readProjects } from '../../cli/projects-env.js';
import { parseProjects } from '../../shared/contract/projects.js';
import { SERVE_ENV_ONLY, SERVE_ENV_SETTINGS, environmentHelp, mergeEnvironment } from '../../cli/serve-env.js';
import { serveOptionsFrom, serverOptions } from '../../cli/serve-options.js';
import { VECTOR_CREDENTIALS } from '../fixtures/agora-vectors.js';

const CERT = VECTOR_CREDENTIALS.appCertificate;
const SECOND = { appId: '0123456789abcdef0123456789abcdef', appCertificate: 'fedcba9876543210fedcba9876543210' };

describe("serve's environment table", () => {
  it('has a row for every serve flag (bar --help), each naming a real flag', () => {
    const flags = serveCommand()
      .options.map((option) => option.long)
      .filter((flag) => flag !== undefined);
    expect(SERVE_ENV_SETTINGS.map((row) => row.flag).sort()).toEqual([...flags].sort());
    const names = [...SERVE_ENV_SETTINGS.flatMap((row) => row.env), ...SERVE_ENV_ONLY.map((row) => row.env)];
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(environmentHelp()).toContain(name);
  });

  it("uses agora-token-service's names: SERVER_PORT before PORT, CORS_ALLOW_ORIGIN", () => {
    expect(mergeEnvironment({}, { SERVER_PORT: '9002', PORT: '9003' }).values.port).toBe('9002');
    expect(mergeEnvironment({}, { PORT: '9003' })).toEqual({ values: { port: '9003' }, sources: { port: 'PORT' } });
    expect(mergeEnvironment({}, { CORS_ALLOW_ORIGIN: '*' }).values.cors).toBe('*');
  });

  it('a flag wins over its variable; an empty variable counts as unset', () => {
    const merged = mergeEnvironment({ host: '::1', metrics: true }, { HOST: '0.0.0.0', METRICS: 'false', QUIET: '' });
    expect(merged.values).toEqual({ host: '::1', metrics: true });
    expect(merged.sources).toEqual({ host: '--host', metrics: '--metrics' });
  });

  it('switches read true/false, 1/0, yes/no; anything else is an error naming the variable', () => {
    for (const [raw, value] of [
      ['true', true],
      ['1', true],
      ['YES', true],
      ['false', false],
      ['0', false],
      ['no', false],
    ] as const)
      expect(mergeEnvironment({}, { METRICS: raw }).values.metrics, raw).toBe(value);
    expect(() => mergeEnvironment({}, { QUIET: 'sometimes' })).toThrow(
      'QUIET must be true or false (1/0, yes/no), not "sometimes"',
    );
  });

  it('PROFILES is a comma-separated --profile list, and cannot be combined with ALL_PROFILES', () => {
    expect(serveOptionsFrom({}, { PROFILES: 'staging, prod,' }).profiles).toEqual(['staging', 'prod']);
    expect(() => serveOptionsFrom({}, { PROFILES: 'a', ALL_PROFILES: 'true' })).toThrow(
      'ALL_PROFILES and PROFILES cannot be combined',
    );
    // Flags replace the variable, not add to it.
    expect(serveOptionsFrom({ profile: ['x'] }, { PROFILES: 'a,b' }).profiles).toEqual(['x']);
  });

  it('defaults apply when neither a flag nor a variable is set', () => {
    expect(serveOptionsFrom({}, {})).toMatchObject({
      host: '127.0.0.1',
      logFormat: 'line',
      metrics: false,
      quiet: false,
      profiles: [],
    });
    expect(() => serveOptionsFrom({}, { LOG_FORMAT: 'xml' })).toThrow('LOG_FORMAT must be line or json, not "xml"');
  });

  it('HOST holding a machine name (tcsh exports one) is refused with a message naming HOST; --host bypasses it', () => {
    expect(() => serveOptionsFrom({}, { HOST: 'devbox.local' })).toThrow(
      'HOST must be an IP address or localhost, not "devbox.local" (set HOST=0.0.0.0, unset it, or pass --host)',
    );
    expect(serveOptionsFrom({}, { HOST: '::' }).host).toBe('::');
    expect(serveOptionsFrom({ host: '127.0.0.1' }, { HOST: 'devbox.local' }).host).toBe('127.0.0.1');
  });

  it('every numeric setting read from a variable is checked, and the message names that variable', () => {
    const cases: Array<[string, string]> = [
      ['SHUTDOWN_TIMEOUT', 'SHUTDOWN_TIMEOUT must be a number of seconds of at least 0'],
      ['REQUEST_TIMEOUT', 'REQUEST_TIMEOUT must be a number of seconds'],
      ['HEADERS_TIMEOUT', 'HEADERS_TIMEOUT must be a number of seconds'],
      ['KEEP_ALIVE_TIMEOUT', 'KEEP_ALIVE_TIMEOUT must be a number of seconds'],
      ['RATE_LIMIT_WINDOW', 'RATE_LIMIT_WINDOW must be a number of seconds of at least 1'],
      ['RATE_LIMIT', 'RATE_LIMIT must be a whole number of at least 1'],
      ['MAX_CONNECTIONS', 'MAX_CONNECTIONS must be a whole number of at least 1'],
      ['PORT', 'PORT must be a port number from 0 to 65535'],
    ];
    for (const [name, message] of cases) {
      const env = { [name]: 'soon' };
      expect(() => serverOptions(serveOptionsFrom({}, env), env, '.', [VECTOR_CREDENTIALS], undefined), name).toThrow(
        message,
      );
    }
  });

  it('maps every variable onto the server options', () => {
    const env = {
      SERVER_PORT: '0',
      HOST: '0.0.0.0',
      CORS_ALLOW_ORIGIN: 'https://app.test',
      AUTH_API_KEYS: 'k1,k2',
      AUTH_JWT_JWKS_URL: 'https://login.test/jwks.json',
      AUTH_JWT_ISSUER: 'iss',
      AUTH_JWT_AUDIENCE: 'aud',
      AUTH_JWT_USER_CLAIM: 'uid',
      AUTH_JWT_CHANNEL_PATTERN: 'room-.*',
      RATE_LIMIT: '120',
      RATE_LIMIT_WINDOW: '30',
      METRICS: 'true',
      MAX_CONNECTIONS: '64',
      SHUTDOWN_TIMEOUT: '25',
      REQUEST_TIMEOUT: '15',
      HEADERS_TIMEOUT: '5',
      KEEP_ALIVE_TIMEOUT: '2.5',
    };
    expect(serverOptions(serveOptionsFrom({}, env), env, '.', [VECTOR_CREDENTIALS], undefined)).toEqual({
      credentials: [VECTOR_CREDENTIALS],
      port: 0,
      host: '0.0.0.0',
      corsOrigins: 'https://app.test',
      auth: {
        apiKeys: ['k1', 'k2'],
        jwt: {
          jwksUrl: 'https://login.test/jwks.json',
          issuer: 'iss',
          audience: 'aud',
          userClaim: 'uid',
          channelPattern: 'room-.*',
        },
      },
      rateLimit: { max: 120, windowMs: 30_000 },
      metrics: true,
      maxConnections: 64,
      shutdownDeadlineMs: 25_000,
      timeouts: { requestMs: 15_000, headersMs: 5_000, keepAliveMs: 2_500 },
    });
  });
});

describe('PROJECTS: several projects from one JSON secret', () => {
  it('parses an array of {appId, appCertificate, name?}', () => {
    const json = JSON.stringify([{ ...SECOND, name: 'staging' }, VECTOR_CREDENTIALS]);
    expect(parseProjects(json, 'PROJECTS')).toEqual([{ ...SECOND, name: 'staging' }, VECTOR_CREDENTIALS]);
    expect(readProjects({}, '.')).toEqual([]);
  });

  it('bad JSON: a clear message that never quotes the text (it holds certificates)', () => {
    const text = `[{"appId":"${VECTOR_CREDENTIALS.appId}","appCertificate":"${CERT}",}]`;
    const error = (() => {
      try {
        parseProjects(text, 'PROJECTS');
      } catch (caught) {
        return caught as Error & { code: string };
      }
      throw new Error('no error');
    })();
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^PROJECTS is not valid JSON: expected an array like/);
    expect(error.message).not.toContain(CERT);
    expect(error.message).not.toContain(CERT.slice(0, 8));
  });

  it('each field is checked by the contract, the message says which entry and field', () => {
    const bad = (value: unknown) => () => parseProjects(JSON.stringify(value), 'PROJECTS');
    expect(bad([SECOND, { appId: SECOND.appId, appCertificate: 'short' }])).toThrow(
      'PROJECTS[1].appCertificate: App Certificate must be 32 hexadecimal characters',
    );
    expect(bad([{ appCertificate: CERT }])).toThrow('PROJECTS[0].appId: App ID is required');
    expect(bad([{ ...SECOND, appID: 'x' }])).toThrow('PROJECTS[0]: unknown field appID');
    expect(bad([{ ...SECOND, name: '' }])).toThrow('PROJECTS[0].name: name must not be empty');
    expect(bad([])).toThrow('PROJECTS: must list at least one project');
    expect(bad(SECOND)).toThrow('PROJECTS: must be a JSON array of');
    // A certificate with one wrong character: the message names the field, not the value.
    expect(bad([{ appId: SECOND.appId, appCertificate: `zz${CERT.slice(2)}` }])).toThrow(
      /^PROJECTS\[0\]\.appCertificate: App Certificate must be 32 hexadecimal characters$/,
    );
  });

  it('PROJECTS and PROJECTS_FILE together are refused; an unreadable file is an environment problem', () => {
    expect(() => readProjects({ PROJECTS: '[]', PROJECTS_FILE: 'x.json' }, '.')).toThrow(
      'set PROJECTS or PROJECTS_FILE, not both',
    );
    expect(() => readProjects({ PROJECTS_FILE: 'no-such-projects.json' }, '/nonexistent')).toThrow(
      expect.objectContaining({
        code: 'missing_credentials',
        message: 'cannot read PROJECTS_FILE no-such-projects.json: ENOENT',
      }),
    );
  });
});
