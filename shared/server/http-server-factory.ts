import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { originFormOf } from './request-guards.js';
import type { ResolvedServerOptions } from './server-options.js';

/** Set only on requests whose target was absolute-form: the target as the client sent it. */
export const ABSOLUTE_TARGET = Symbol('absoluteTarget');
export type TargetedRequest = IncomingMessage & { [ABSOLUTE_TARGET]?: string };

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
      // An absolute-form target (`GET http://host/path`) routes by its path; the guard
      // checks its host. Done here rather than with Fastify's rewriteUrl, which adds a
      // property to every request object and shows in the benchmark.
      (request: TargetedRequest, response) => {
        const url = request.url;
        if (url !== undefined && url.charCodeAt(0) !== 47 /* '/' */ && url !== '*') {
          request[ABSOLUTE_TARGET] = url;
          request.url = originFormOf(url);
        }
        handler(request, response);
      },
    );
    server.maxConnections = options.maxConnections;
    return server;
  };
}
