// The two workerd modules the Worker entry uses, as far as it uses them (they exist only
// inside workerd; the Worker bundle leaves them external).

declare module 'cloudflare:workers' {
  /** The Worker's bindings (vars and secrets), readable while the module loads. */
  export const env: Readonly<Record<string, unknown>>;
}

declare module 'cloudflare:node' {
  import type { Server } from 'node:http';
  /** Answers a Worker's fetch events with a node:http server's request handler. */
  export function httpServerHandler(server: Server | { port: number }): {
    fetch(request: Request, env?: unknown, ctx?: unknown): Promise<Response>;
  };
}
