import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalTokenServer, type LocalServerOptions } from '../../shared/server/local-token-server.js';
import { CREDENTIALS } from './server-helpers.js';

// Real sockets only: these rules live in node:http and the connection handling, not in routes.
const started: LocalTokenServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close(0)));
});

async function start(options: Partial<LocalServerOptions> = {}): Promise<LocalTokenServer> {
  const server = await LocalTokenServer.start({ credentials: CREDENTIALS, port: 0, ...options });
  started.push(server);
  return server;
}

function open(server: LocalTokenServer): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, server.host, () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Everything the server sends until it closes the connection. */
function received(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (data += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(data));
  });
}

async function exchange(
  server: LocalTokenServer,
  bytes: string,
): Promise<{ status: number; head: string; body: Record<string, unknown> }> {
  const socket = await open(server);
  const answer = received(socket);
  socket.write(bytes);
  const text = await answer;
  const split = text.indexOf('\r\n\r\n');
  return {
    status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]),
    head: text.slice(0, split).toLowerCase(),
    body: JSON.parse(text.slice(split + 4)) as Record<string, unknown>,
  };
}

describe('slow clients are cut off', () => {
  it('a body trickled byte by byte gets 408 JSON once the request timeout passes', async () => {
    const server = await start({ timeouts: { requestMs: 300, checkIntervalMs: 50 } });
    const socket = await open(server);
    const answer = received(socket);
    socket.write(
      'POST /getToken HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    // Keep trickling until the server gives up: it must close the connection by itself.
    const trickle = setInterval(() => socket.writable && socket.write(' '), 100);
    const text = await answer;
    clearInterval(trickle);
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toEqual({
      status: 408,
      error: 'the request took too long to arrive',
      message: 'the request took too long to arrive',
    });
    expect(text.toLowerCase()).toContain('cache-control: private, no-cache, no-store, must-revalidate');
  });

  it('headers that never finish get 408 too', async () => {
    const server = await start({ timeouts: { headersMs: 200, requestMs: 5_000, checkIntervalMs: 50 } });
    const socket = await open(server);
    const answer = received(socket);
    socket.write('GET /ping HTTP/1.1\r\nHost: localhost\r\n');
    expect(await answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
    const server = await start({ timeouts: { keepAliveMs: 200, checkIntervalMs: 50 } });
    const socket = await open(server);
    const answer = received(socket);
    socket.write('GET /ping HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(await answer).toMatch(/^HTTP\/1\.1 200 [\s\S]*\{"message":"pong"\}$/);
  });
});

describe('the connection cap', () => {
  it('connections beyond maxConnections are refused; the ones inside still work', async () => {
    const server = await start({ maxConnections: 2 });
    const first = await open(server);
    const second = await open(server);
    await expect.poll(() => server.openConnections()).toBe(2);
    const third = await open(server);
    const refused = received(third);
    third.write('GET /ping HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(await refused).toBe('');
    const answer = received(first);
    first.end('GET /ping HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(await answer).toMatch(/^HTTP\/1\.1 200 /);
    second.destroy();
  });
});

describe('errors before routing answer in our JSON shape', () => {
  const cases: [string, string, number, RegExp][] = [
    ['a bad request line', 'GARBAGE\r\n\r\n', 400, /not valid HTTP/],
    [
      'two Content-Lengths',
      'POST /getToken HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
      400,
      /Content-Length/i,
    ],
    [
      'Content-Length with Transfer-Encoding',
      'POST /getToken HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      400,
      /not valid HTTP/,
    ],
    [
      'headers too large',
      `GET /ping HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      /too large/,
    ],
    ['no Host header', 'GET /ping HTTP/1.1\r\n\r\n', 400, /not valid HTTP|Host/],
  ];
  it.each(cases)('%s', async (_name, bytes, status, message) => {
    const server = await start();
    const answer = await exchange(server, bytes);
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({
      status,
      error: expect.stringMatching(message),
      message: expect.stringMatching(message),
    });
    expect(answer.head).toContain('cache-control: private, no-cache, no-store, must-revalidate');
    expect(answer.head).toContain('pragma: no-cache');
  });
});

describe('the Host guard, exactly', () => {
  const ping = (host: string, target = '/ping') =>
    `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`;

  it.each([
    ['127.0.0.2', '127.0.0.2'],
    ['::ffff:127.0.0.1', '[::ffff:127.0.0.1]'],
    ['0:0:0:0:0:0:0:1', '[0:0:0:0:0:0:0:1]'],
    ['::1', '[::1]'],
  ])('bound to %s the guard stays on, and the bound address is itself an accepted Host', async (bind, hostHeader) => {
    let server: LocalTokenServer;
    try {
      server = await start({ host: bind });
    } catch (error) {
      // A machine without IPv6 cannot bind it; say so rather than pass silently.
      throw new Error(`cannot bind ${bind} here: ${(error as Error).message}`, { cause: error });
    }
    expect((await exchange(server, ping('evil.test'))).status).toBe(403);
    expect((await exchange(server, ping(`${hostHeader}:${server.port}`))).status).toBe(200);
    expect((await exchange(server, ping('localhost'))).status).toBe(200);
  });

  it('an absolute-form target naming another host is refused; naming the Host itself is served', async () => {
    const server = await start();
    const other = await exchange(server, ping(`localhost:${server.port}`, 'http://evil.test/ping'));
    expect(other.status).toBe(400);
    expect(other.body['message']).toBe('the request target names another host than the Host header');
    const same = await exchange(server, ping(`localhost:${server.port}`, `http://localhost:${server.port}/ping`));
    expect([same.status, same.body]).toEqual([200, { message: 'pong' }]);
  });

  it('an absolute-form target is checked on a server bound to every interface too', async () => {
    const server = await start({ host: '0.0.0.0' });
    const socket = connect(server.port, '127.0.0.1');
    const answer = received(socket);
    socket.write(ping('tokens.example', 'http://evil.test/ping'));
    expect(await answer).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('two Host headers are refused', async () => {
    const server = await start();
    const answer = await exchange(
      server,
      'GET /ping HTTP/1.1\r\nHost: localhost\r\nHost: evil.test\r\nConnection: close\r\n\r\n',
    );
    expect(answer.status).toBe(400);
    expect(answer.body['message']).toBe('the request carries more than one Host header');
  });
});
