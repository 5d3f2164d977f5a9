import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ResolvedServerOptions } from './server-options.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * The node:http server under Fastify, with every wait bounded: the headers, the whole
 * request (a body trickled a byte at a time is cut off with 408) and idle keep-alive time;
 * and a cap on open connections, so a flood of idle sockets cannot exhaust the process.
 */
export function boundedHttpServer(options: ResolvedServerOptions): (handler: Handler) => Server {
  const { timeouts } = options;
  return (handler) => {
    const server = createServer(
      {
        requestTimeout: timeouts.requestMs,
        headersTimeout: timeouts.headersMs,
        keepAliveTimeout: timeouts.keepAliveMs,
        connectionsCheckingInterval: timeouts.checkIntervalMs,
        // Checked by the request guard instead, so the 400 carries our JSON body and headers.
        requireHostHeader: false,
      },
      handler,
    );
    server.maxConnections = options.maxConnections;
    return server;
  };
}
