import { env } from 'cloudflare:workers';
import { httpServerHandler } from 'cloudflare:node';
import { fetchOptionsFromEnv } from './env-options.js';
import { createServerlessApp } from './fetch-handler.js';
import { notConfigured } from './not-configured.js';

/**
 * The Cloudflare Workers entry (bundled by scripts/bundle-worker.mjs; needs `nodejs_compat`).
 * Secrets and vars come from the Worker's bindings: APP_ID, APP_CERTIFICATE, PROJECTS,
 * CORS_ALLOW_ORIGIN, AUTH_API_KEYS.
 *
 * The app is built and made ready while the module loads, not on the first request: Fastify
 * compiles its router and reply serialisers into functions, and workerd allows code
 * generation only at module scope. Requests then reach the same app through workerd's own
 * node:http bridge (`light-my-request`, the Node adapters' path, cannot run on workerd's
 * http classes).
 */
type Answer = (request: Request) => Promise<Response> | Response;

async function boot(): Promise<Answer> {
  try {
    const app = createServerlessApp(fetchOptionsFromEnv(env), { pluginTimeoutMs: 0, platformSockets: true });
    await app.ready();
    const bridge = httpServerHandler(app.server);
    return (request) => bridge.fetch(request);
  } catch (error) {
    return notConfigured(error);
  }
}

const answer = await boot();

export default {
  fetch(request: Request): Promise<Response> | Response {
    return answer(request);
  },
};
