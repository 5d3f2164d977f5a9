import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeExamples } from '../../../renderer/src/logic/server-routes.js';
import { LocalTokenServer } from '../../../shared/server/local-token-server.js';
import { decodeToken } from '../../../shared/token/index.js';
import { runCurl, shellWords } from '../server-curl.js';

const credentials = { appId: '970CA35de60c44645bbae8a215061b33', appCertificate: '5CFd2fd1755d40ecb72977518be15d3b' };

describe('the curl calls offered when the server listens', () => {
  let server: LocalTokenServer;
  beforeAll(async () => {
    server = await LocalTokenServer.start({ credentials, port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('each one, as a shell parses it, gets a token signed with the profile', async () => {
    const examples = routeExamples(`${server.url}/`);
    expect(examples.map((example) => example.label)).toHaveLength(14);
    for (const example of examples) {
      const response = await runCurl(shellWords(example.command));
      expect(response.status, example.label).toBe(200);
      // The Java sample's route answers with the token alone, as text.
      const body = (response.headers.get('content-type') ?? '').startsWith('text/plain')
        ? { token: await response.text() }
        : ((await response.json()) as Record<string, string>);
      if (example.label === 'Health check') {
        expect(body).toEqual({ message: 'pong' });
        continue;
      }
      const tokens = Object.entries(body).filter(([key]) => /token/i.test(key));
      expect(tokens.length, example.label).toBeGreaterThan(0);
      for (const [key, token] of tokens) {
        expect(
          decodeToken(token, { appCertificate: credentials.appCertificate }).signature,
          `${example.label} ${key}`,
        ).toBe('valid');
      }
    }
  });
});

describe('the curl calls for a server with an API key and several projects', () => {
  const other = { appId: 'aabbccddeeff00112233445566778899', appCertificate: '00112233445566778899aabbccddeeff' };
  const apiKey = 'atd_test-key-for-the-curl-examples';
  let server: LocalTokenServer;
  beforeAll(async () => {
    server = await LocalTokenServer.start({ credentials: [credentials, other], port: 0, auth: { apiKeys: [apiKey] } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('read the key from $API_KEY (never embedded) and ask for the chosen appId', async () => {
    const examples = routeExamples(server.url, { apiKey: true, appId: other.appId });
    expect(examples).toHaveLength(14);
    for (const example of examples) {
      expect(example.command, example.label).not.toContain(apiKey);
      if (example.label === 'Health check') {
        expect(example.command).not.toContain('Authorization');
        continue;
      }
      expect(example.command, example.label).toContain('-H "Authorization: Bearer $API_KEY"');
      expect(example.command, example.label).toContain(other.appId);
      expect((await runCurl(shellWords(example.command, { API_KEY: 'wrong' }))).status, example.label).toBe(401);
      const response = await runCurl(shellWords(example.command, { API_KEY: apiKey }));
      expect(response.status, example.label).toBe(200);
      const text = await response.text();
      const tokens = (response.headers.get('content-type') ?? '').startsWith('text/plain')
        ? [text]
        : Object.entries(JSON.parse(text) as Record<string, string>)
            .filter(([key]) => /token/i.test(key))
            .map(([, token]) => token);
      expect(tokens.length, example.label).toBeGreaterThan(0);
      for (const token of tokens) {
        expect(decodeToken(token, { appCertificate: other.appCertificate }), example.label).toMatchObject({
          appId: other.appId,
          signature: 'valid',
        });
      }
    }
  });

  it('without a key or a chosen project, stay as before', () => {
    for (const example of routeExamples(server.url)) {
      expect(example.command).not.toContain('Authorization');
      expect(example.command).not.toContain('appId');
    }
  });
});
