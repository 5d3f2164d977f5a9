import type { Socket } from 'node:net';
import { errorBody } from './http-errors.js';

/**
 * Errors Node's HTTP parser raises before a request reaches Fastify (a bad request line,
 * two Content-Lengths, Content-Length with Transfer-Encoding, headers too large, no Host,
 * a request or its headers arriving too slowly) answered in the server's JSON error shape
 * with its no-cache headers, wherever the connection can still carry a response.
 */

const STATUS_BY_CODE: Record<string, [number, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'the request took too long to arrive'],
  HPE_HEADER_OVERFLOW: [431, 'the request headers are too large'],
  ERR_HTTP_HEADERS_TIMEOUT: [408, 'the request headers took too long to arrive'],
};

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

export function describeClientError(error: NodeJS.ErrnoException & { reason?: string }): {
  status: number;
  message: string;
} {
  const known = error.code === undefined ? undefined : STATUS_BY_CODE[error.code];
  if (known !== undefined) return { status: known[0], message: known[1] };
  // llhttp's reason ("Duplicate Content-Length", "Missing expected CR after header value" …) names the fault.
  const reason = typeof error.reason === 'string' && error.reason !== '' ? `: ${error.reason}` : '';
  return { status: 400, message: `the request is not valid HTTP/1.1${reason}` };
}

export function answerClientError(error: NodeJS.ErrnoException & { reason?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // A response already under way cannot be replaced; only cut the connection.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && inFlight?.headersSent !== true) {
    const { status, message } = describeClientError(error);
    const body = JSON.stringify(errorBody(status, message));
    socket.write(
      `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\n` +
        'content-type: application/json; charset=utf-8\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        'cache-control: private, no-cache, no-store, must-revalidate\r\nexpires: -1\r\npragma: no-cache\r\n' +
        'connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy();
}
