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
        expect(decodeToken(token, { appCertificate: credentials.appCertificate }).signature, `${example.label} ${key}`).toBe('valid');
      }
    }
  });
});
