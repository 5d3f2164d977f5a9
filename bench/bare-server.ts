/**
 * The baseline: node:http calling agora-token directly, with no framework and no input
 * checks, for the same two requests the benchmark sends. Run as its own process; prints
 * its port on stdout.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import agoraToken from 'agora-token';
import { tuneHeapForServing } from '../shared/server/heap-settings.js';
import { answerCpuProbes } from './cpu-probe.js';

const { RtcTokenBuilder, RtcRole } = agoraToken;
const appId = process.env['APP_ID'] ?? '';
const appCertificate = process.env['APP_CERTIFICATE'] ?? '';

function rtcToken(channel: string, uid: number, publisher: boolean, expire: number): string {
  return RtcTokenBuilder.buildTokenWithUid(
    appId,
    appCertificate,
    channel,
    uid,
    publisher ? RtcRole.PUBLISHER : RtcRole.SUBSCRIBER,
    expire,
    expire,
  );
}

const server = createServer((request, response) => {
  const send = (status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(body));
  };
  if (request.method === 'POST' && request.url === '/getToken') {
    let text = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    request.on('end', () => {
      const body = JSON.parse(text) as { channel: string; uid: string; role: string; expire?: number };
      send(200, { token: rtcToken(body.channel, Number(body.uid), body.role === 'publisher', body.expire || 3600) });
    });
    return;
  }
  const match = /^\/rtc\/([^/]+)\/([^/]+)\/uid\/(\d+)\/?/.exec(request.url ?? '');
  if (request.method === 'GET' && match) {
    send(200, {
      rtcToken: rtcToken(decodeURIComponent(match[1] ?? ''), Number(match[3]), match[2] === 'publisher', 3600),
    });
    return;
  }
  send(404, { error: 'not found' });
});

answerCpuProbes();
// The same V8 settings as `serve`, so the ratio measures the framework and checks alone.
tuneHeapForServing();
server.listen(0, '127.0.0.1', () => console.log(`port ${(server.address() as AddressInfo).port}`));
