import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  handler,
  createLambdaHandler,
  lambdaHandlerFromEnv,
  requestFromEvent,
  resultFromResponse,
  type LambdaHttpEvent,
  type LambdaHttpResult,
} from '../../shared/serverless/lambda.js';
import { checkTokens, decoded, type Door, ENV, itBehavesAsServe, OPTIONS, type Sent, serveDoor } from './parity.js';

// Events as AWS sends them (payload format 2.0), every field present that AWS documents for
// each source, so the adapter meets the real shape and not only the fields it reads.
function httpApiEvent(method: string, path: string, query: string, headers: Record<string, string>, body?: string) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: query,
    headers: {
      accept: '*/*',
      'content-length': String(body === undefined ? 0 : Buffer.byteLength(body)),
      host: 'r3pmxmplak.execute-api.us-east-2.amazonaws.com',
      'user-agent': 'curl/8.5.0',
      'x-amzn-trace-id': 'Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e',
      'x-forwarded-for': '205.255.255.176',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      ...headers,
    },
    ...(query === '' ? {} : { queryStringParameters: Object.fromEntries(new URLSearchParams(query)) }),
    requestContext: {
      accountId: '123456789012',
      apiId: 'r3pmxmplak',
      domainName: 'r3pmxmplak.execute-api.us-east-2.amazonaws.com',
      domainPrefix: 'r3pmxmplak',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '205.255.255.176', userAgent: 'curl/8.5.0' },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey: '$default',
      stage: '$default',
      time: '10/Mar/2020:05:16:23 +0000',
      timeEpoch: 1583817383220,
    },
    ...(body === undefined ? {} : { body: Buffer.from(body).toString('base64') }),
    // API Gateway base64-encodes bodies it does not know to be text.
    isBase64Encoded: body !== undefined,
  };
}

function functionUrlEvent(method: string, path: string, query: string, headers: Record<string, string>, body?: string) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: query,
    cookies: ['session=abc', 'theme=dark'],
    headers: {
      'x-amzn-tls-cipher-suite': 'ECDHE-RSA-AES128-GCM-SHA256',
      'x-amzn-tls-version': 'TLSv1.2',
      'x-amzn-trace-id': 'Root=1-7f6e1eb1-1f3a26ea1e9c4fa41b8e1eef',
      'x-forwarded-proto': 'https',
      host: 'abcdefghijklmnopqrstuvwxyz0123456.lambda-url.us-west-2.on.aws',
      'x-forwarded-port': '443',
      'x-forwarded-for': '203.0.113.7',
      accept: 'application/json, text/plain',
      ...headers,
    },
    ...(query === '' ? {} : { queryStringParameters: Object.fromEntries(new URLSearchParams(query)) }),
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abcdefghijklmnopqrstuvwxyz0123456',
      domainName: 'abcdefghijklmnopqrstuvwxyz0123456.lambda-url.us-west-2.on.aws',
      domainPrefix: 'abcdefghijklmnopqrstuvwxyz0123456',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'agent' },
      requestId: 'id',
      routeKey: '$default',
      stage: '$default',
      time: '12/Mar/2020:19:03:58 +0000',
      timeEpoch: 1583348638390,
    },
    // Function URLs pass text bodies as they came.
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
  };
}

type EventOf = (
  method: string,
  path: string,
  query: string,
  headers: Record<string, string>,
  body?: string,
) => LambdaHttpEvent;

function eventFor(make: EventOf, { method = 'GET', path, headers = {}, body }: Sent): LambdaHttpEvent {
  const [pathname = '', query = ''] = path.split('?');
  return make(method, pathname, query, headers, body);
}

function answerOf(result: LambdaHttpResult) {
  const text = result.isBase64Encoded ? Buffer.from(result.body, 'base64').toString('utf8') : result.body;
  return { status: result.statusCode, headers: result.headers, text };
}

const withOptions = createLambdaHandler(OPTIONS);
const serve = serveDoor();
afterAll(() => serve.close());

describe.each([
  ['API Gateway HTTP API', httpApiEvent],
  ['Lambda function URL', functionUrlEvent],
])('the Lambda adapter with %s events', (_source, make) => {
  const door: Door = async (sent) => answerOf(await withOptions(eventFor(make, sent)));

  itBehavesAsServe(door, serve.door);

  it('returns JSON as text, with Lambda 2.0 result fields', async () => {
    const result = await withOptions(eventFor(make, { path: '/ping' }));
    expect(result).toEqual({
      statusCode: 200,
      headers: expect.objectContaining({ 'content-type': 'application/json; charset=utf-8' }),
      body: '{"message":"pong"}',
      isBase64Encoded: false,
    });
    expect(result.cookies).toBeUndefined();
  });
});

describe('event → Request and Response → result', () => {
  it('keeps the query string, joins the cookies array into one Cookie header and decodes base64 bodies', async () => {
    const event = functionUrlEvent('POST', '/getToken', 'appId=abc&expiry=60', { 'content-type': 'application/json' });
    const request = requestFromEvent({
      ...event,
      body: Buffer.from('{"a":"é"}').toString('base64'),
      isBase64Encoded: true,
    });
    expect(request.url).toBe(
      'https://abcdefghijklmnopqrstuvwxyz0123456.lambda-url.us-west-2.on.aws/getToken?appId=abc&expiry=60',
    );
    expect(request.headers.get('cookie')).toBe('session=abc; theme=dark');
    // API Gateway joins a repeated header with commas; it stays that one value.
    expect(request.headers.get('accept')).toBe('application/json, text/plain');
    expect(await request.text()).toBe('{"a":"é"}');
  });

  it('sends several Set-Cookie as the cookies array and a binary body as base64', async () => {
    const headers = new Headers({ 'content-type': 'application/octet-stream' });
    headers.append('set-cookie', 'a=1; Path=/');
    headers.append('set-cookie', 'b=2; HttpOnly');
    const result = await resultFromResponse(new Response(new Uint8Array([0, 255, 1]), { status: 201, headers }));
    expect(result).toEqual({
      statusCode: 201,
      headers: { 'content-type': 'application/octet-stream' },
      cookies: ['a=1; Path=/', 'b=2; HttpOnly'],
      body: Buffer.from([0, 255, 1]).toString('base64'),
      isBase64Encoded: true,
    });
  });

  it('answers a GET whose event carries an empty body string', async () => {
    const result = await withOptions({
      ...httpApiEvent('GET', '/rtm/alice', '', { authorization: 'Bearer serverless-test-key-1' }),
      body: '',
    });
    expect(result.statusCode).toBe(200);
    expect(decoded((JSON.parse(result.body) as { rtmToken: string }).rtmToken).services).toMatchObject([
      { type: 'rtm', userId: 'alice' },
    ]);
  });
});

describe('the Lambda handler configured by environment variables', () => {
  it("is the deploy folder's index.handler: configured by process.env on its first event", async () => {
    for (const [name, value] of Object.entries(ENV)) vi.stubEnv(name, value);
    try {
      await checkTokens(async (sent) => answerOf(await handler(eventFor(functionUrlEvent, sent))));
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('serves the projects, keys and origins the variables name', async () => {
    const fromEnv = lambdaHandlerFromEnv(ENV);
    await checkTokens(async (sent) => answerOf(await fromEnv(eventFor(functionUrlEvent, sent))));
  });

  it('answers a JSON 500 and logs the variable (never a value) when APP_CERTIFICATE is missing', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const broken = lambdaHandlerFromEnv({ APP_ID: ENV['APP_ID'] });
      const result = await broken(eventFor(httpApiEvent, { path: '/ping' }));
      expect(result.statusCode).toBe(500);
      expect(JSON.parse(result.body)).toMatchObject({ status: 500, error: expect.stringMatching(/not configured/) });
      expect(result.headers['cache-control']).toMatch(/no-store/);
      expect(logged).toHaveBeenCalledWith('agora-token-desk: APP_CERTIFICATE is not set (APP_ID is)');
      expect(JSON.stringify(logged.mock.calls)).not.toContain(ENV['APP_ID']);
    } finally {
      logged.mockRestore();
    }
  });
});
