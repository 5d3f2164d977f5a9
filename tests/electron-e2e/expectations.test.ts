import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRtcToken, getKind, TOKEN_KINDS } from '../../shared/token/index.js';
import { randomCredentials } from '../profiles/keychain-env.js';
import {
  addedGlobals,
  cspProblems,
  decodedServices,
  expectedServices,
  filesContaining,
  kindPlan,
  metaMatchesHeader,
  tokensIn,
  trayState,
} from './expectations.js';

const credentials = randomCredentials();
const values = (id: Parameters<typeof getKind>[0]) =>
  Object.fromEntries(kindPlan(getKind(id)).entries.map((entry) => [entry.field.key, entry.value]));

describe('the values each registry kind is generated with', () => {
  it('come from its first CLI example the form shows as is, with the expiry fixed and the role chosen', () => {
    expect(values('rtc')).toEqual({ channel: 'demo', uid: '42', role: 'publisher', expire: '900' });
    expect(values('rtm')).toEqual({ userId: 'alice', channel: '', expire: '900' });
    expect(values('apaas')).toEqual({ roomUuid: 'class-1', userUuid: 'alice', role: '2', expire: '900' });
    expect(values('fpa')).toEqual({});
  });

  it('fall back to samples for the required fields when every example needs More options or an alternative', () => {
    // rtc-rtm's examples use --account (the second alternative) or per-privilege expiries.
    expect(values('rtc-rtm')).toEqual({ channel: 'e2e', uid: '42', role: 'publisher', expire: '900', rtmUserId: '' });
  });

  it('never fill a field under More options, and give every shown field a value', () => {
    for (const kind of TOKEN_KINDS) {
      const plan = kindPlan(kind);
      expect(
        plan.entries.every((entry) => !entry.field.advanced),
        kind.id,
      ).toBe(true);
      const keys = plan.entries.map((entry) => entry.field.key);
      expect(new Set(keys).size, kind.id).toBe(keys.length);
    }
  });

  it('build, for every kind, tokens whose services say what was typed', () => {
    for (const kind of TOKEN_KINDS) {
      const services = expectedServices(kindPlan(kind), credentials);
      expect(services.length, kind.id).toBe(kind.id === 'rte' ? 2 : 1);
      expect(services.flat().length, kind.id).toBeGreaterThan(0);
    }
    expect(expectedServices(kindPlan(getKind('rtc')), credentials)).toEqual([
      [
        {
          type: 'rtc',
          channel: 'demo',
          uid: '42',
          privileges: { joinChannel: 900, publishAudioStream: 900, publishVideoStream: 900, publishDataStream: 900 },
        },
      ],
    ]);
  });
});

describe('reading tokens back', () => {
  const token = buildRtcToken(credentials, { channel: 'c', uid: 1 }).token;

  it('takes the boxes that hold a whole token, each token once', () => {
    const boxes = [`\n${token} `, `Authorization: agora token=${token}`, `const token = "${token}";`, token];
    expect(tokensIn(boxes)).toEqual([token]);
    expect(tokensIn(['agora-token-desk token rtc --channel c', '007', `${token} Copy`])).toEqual([]);
  });

  it("decodes a token's services only when the certificate signed it", () => {
    expect(decodedServices(token, credentials.appCertificate)[0]).toMatchObject({ type: 'rtc', channel: 'c' });
    expect(() => decodedServices(token, randomCredentials().appCertificate)).toThrow(/signature is invalid/);
  });
});

describe("the page's policy", () => {
  const header =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";
  const meta = header.replace("; frame-ancestors 'none'", '');

  it('accepts the strict policy as a header and as a meta tag that repeats it', () => {
    expect(cspProblems(header, { header: true })).toEqual([]);
    expect(cspProblems(meta, { header: false })).toEqual([]);
    expect(metaMatchesHeader(meta, header)).toBe(true);
  });

  it('names what a loose or missing policy would allow', () => {
    expect(cspProblems("script-src 'self' 'unsafe-inline'", { header: true })).toEqual([
      'no default-src',
      `script-src is "'self' 'unsafe-inline'"`,
      'no object-src',
      'no base-uri',
      'no frame-ancestors',
      "script-src allows 'unsafe-inline'",
    ]);
    expect(cspProblems(`${header}; connect-src *`, { header: true })).toEqual(['connect-src allows *']);
    expect(metaMatchesHeader(meta.replace("'self' data:", "'self'"), header)).toBe(false);
  });
});

describe('globals, tray and files', () => {
  it('lists only what the preload added to the page', () => {
    expect(addedGlobals(['window', 'document', 'tokenDesk'], ['document', 'window'])).toEqual(['tokenDesk']);
    expect(addedGlobals(['window', 'require', 'tokenDesk'], ['window'])).toEqual(['require', 'tokenDesk']);
  });

  it("reads the tray tooltip's server state", () => {
    expect(trayState('Agora Token Desk: server listening on http://127.0.0.1:8080')).toEqual({
      running: true,
      url: 'http://127.0.0.1:8080',
    });
    expect(trayState('Agora Token Desk: server stopped')).toEqual({ running: false });
    expect(trayState('Agora Token Desk')).toBeUndefined();
  });

  const dir = mkdtempSync(join(tmpdir(), 'atd-e2e-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a secret in any file under a folder, nested or binary, in either case', () => {
    const secret = credentials.appCertificate;
    mkdirSync(join(dir, 'Local Storage', 'leveldb'), { recursive: true });
    writeFileSync(join(dir, 'profiles.json'), JSON.stringify({ appId: credentials.appId }));
    expect(filesContaining(dir, secret)).toEqual([]);
    const leak = join(dir, 'Local Storage', 'leveldb', '000003.log');
    writeFileSync(leak, Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(secret.toUpperCase()), Buffer.from([255])]));
    expect(filesContaining(dir, secret)).toEqual([leak]);
    expect(filesContaining(join(dir, 'missing'), secret)).toEqual([]);
  });
});
