import { describe, expect, it } from 'vitest';
import { decodeToken } from '../../../shared/token/index.js';
import { cliCommand, curlCommand } from '../../../renderer/src/logic/equivalent-commands.js';
import { EMPTY_FORM, type GenerateForm } from '../../../renderer/src/logic/generate-form.js';
import type { KindId } from '../../../shared/token/index.js';
import { runCli } from '../../helpers/cli.js';

const credentials = { appId: '970CA35de60c44645bbae8a215061b33', appCertificate: '5CFd2fd1755d40ecb72977518be15d3b' };
type Patch = { kind: KindId; values?: Record<string, string>; choices?: Record<string, string> };
const form = (patch: Patch): GenerateForm => ({
  ...EMPTY_FORM,
  values: patch.values ?? {},
  choices: patch.choices ?? {},
  kind: patch.kind,
});

/** The words of a command line the UI shows, split the way sh would (plain and '…' words only). */
function words(command: string): string[] {
  return [...command.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((match) =>
    match[1] !== undefined ? match[1].replace(/'\\''/g, "'") : (match[2] ?? ''),
  );
}

describe('the CLI command the Generate result shows', () => {
  const cases: Array<[string, Patch, string[]]> = [
    ['RTC by uid', { kind: 'rtc', values: { channel: 'my room', uid: '42', expire: '600' } }, ['rtc']],
    [
      'RTC by account, per privilege',
      {
        kind: 'rtc',
        values: { channel: 'c', account: "o'neil", role: 'subscriber', 'privileges.join': '60' },
        choices: { user: 'account' },
      },
      ['rtc'],
    ],
    ['RTM with stream channel', { kind: 'rtm', values: { userId: 'u1', channel: '*' } }, ['rtc', 'rtm']],
    [
      'RTM with RTM 2 permissions',
      { kind: 'rtm', values: { userId: 'u1', 'permissions.read': 'message:room-*', 'permissions.write': 'user:bob' } },
      ['rtm2'],
    ],
    ['Chat user', { kind: 'chat', values: { userId: 'carol' } }, ['chat']],
    ['Chat app', { kind: 'chat' }, ['chat']],
    [
      'RTC and RTM in one',
      { kind: 'rtc-rtm', values: { channel: 'c', uid: '5', rtmUserId: 'r', rtmExpire: '60' } },
      ['rtc', 'rtm'],
    ],
    [
      'Conversational AI',
      { kind: 'convoai', values: { channel: 'c', account: 'agent' }, choices: { user: 'account' } },
      ['convoai', 'rtc', 'rtm'],
    ],
    ['Speech to text', { kind: 'stt', values: { channel: 'c', uid: '9' } }, ['rtc', 'rtm', 'stt']],
    [
      'Flexible Classroom room user',
      { kind: 'apaas', values: { roomUuid: 'r', userUuid: 'u', role: '1' } },
      ['apaas', 'chat', 'rtm'],
    ],
    ['FPA', { kind: 'fpa' }, ['fpa']],
  ];

  it.each(cases)('%s: runs as shown and builds the same services', async (_name, patch, services) => {
    const shown = cliCommand(form(patch), 'demo');
    const argv = words(shown);
    expect(argv.slice(0, 5)).toEqual(['agora-token-desk', 'token', patch.kind, '--profile', 'demo']);
    // Same flags, credentials from the environment instead of a saved profile.
    const result = await runCli([...argv.slice(1, 3), ...argv.slice(5), '--json'], {
      env: { APP_ID: credentials.appId, APP_CERTIFICATE: credentials.appCertificate },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { token } = JSON.parse(result.stdout) as { token: string };
    const decoded = decodeToken(token, { appCertificate: credentials.appCertificate });
    expect(decoded.signature).toBe('valid');
    expect(decoded.version === '007' && decoded.services.map((service) => service.type).sort()).toEqual(services);
  });
});

describe('the curl call to the local server', () => {
  it('follows the agora-token-service routes', () => {
    expect(
      curlCommand(form({ kind: 'rtc', values: { channel: 'a b', uid: '7', expire: '60' } }), 'http://127.0.0.1:9000/'),
    ).toEqual({
      command: "curl 'http://127.0.0.1:9000/rtc/a%20b/publisher/uid/7/?expiry=60'",
    });
    expect(
      curlCommand(
        form({
          kind: 'rtc',
          values: { channel: 'c', account: 'al', role: 'subscriber' },
          choices: { user: 'account' },
        }),
        'http://h:1',
      ),
    ).toEqual({
      command: 'curl http://h:1/rtc/c/subscriber/userAccount/al/',
    });
    expect(
      curlCommand(form({ kind: 'rte', values: { channel: 'c', uid: '0', rtmUserId: 'bob' } }), 'http://h:1'),
    ).toEqual({ command: 'curl http://h:1/rte/c/publisher/uid/0/bob/' });
    expect(curlCommand(form({ kind: 'chat', values: { userId: 'x' } }), 'http://h:1')).toEqual({
      command: 'curl http://h:1/chat/account/x/',
    });
    expect(curlCommand(form({ kind: 'rtm', values: { userId: 'u' } }), 'http://h:1')).toEqual({
      command: 'curl http://h:1/rtm/u/',
    });
  });

  it('uses POST /getToken for an RTM stream channel, and says when there is no equivalent', () => {
    const rtm = curlCommand(form({ kind: 'rtm', values: { userId: 'u', channel: '*' } }), 'http://h:1');
    expect('command' in rtm && words(rtm.command)).toEqual([
      'curl',
      '-X',
      'POST',
      '-H',
      'Content-Type: application/json',
      '-d',
      '{"tokenType":"rtm","uid":"u","channel":"*"}',
      'http://h:1/getToken',
    ]);
    expect(
      curlCommand(form({ kind: 'rtc', values: { channel: 'c', uid: '1', privilegeExpire: '5' } }), 'http://h:1'),
    ).toEqual({ unavailable: expect.stringMatching(/one expiry/) });
    const fpa = curlCommand(form({ kind: 'fpa' }), 'http://h:1');
    expect('command' in fpa && words(fpa.command)).toEqual([
      'curl',
      '-X',
      'POST',
      '-H',
      'Content-Type: application/json',
      '-d',
      '{"tokenType":"fpa"}',
      'http://h:1/getToken',
    ]);
  });
});
