import { readFileSync } from 'node:fs';
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';

export const SERVICE_NAME = 'agora-token-desk';

/** The package version, found from the source tree, the built `dist/` or the app bundle. */
function packageVersion(): string {
  for (const relative of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === SERVICE_NAME && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not at this level: try the next
    }
  }
  return 'unknown';
}

/**
 * Registers the OpenAPI generator; call before the routes it should describe.
 * Returns a function that adds `GET /` and `GET /openapi.json` once the routes exist.
 */
export async function describeRoutes(scope: FastifyInstance): Promise<() => void> {
  const version = packageVersion();
  await scope.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Agora Token Desk local token server',
        description: 'The agora-token-service API: Agora RTC, RTM and Chat tokens.',
        version,
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API key or JWT, when the server requires one' },
        },
      },
    },
    // Input schemas come from the route's config (see route-schemas.ts), not its schema.
    transform: ({ schema, url, route }) => ({ schema: { ...schema, ...(route.config?.openapi ?? {}) }, url }),
  });
  const routes: string[] = [];
  scope.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.schema?.hide === true) return;
    for (const method of methods) if (method !== 'HEAD') routes.push(`${method} ${route.url}`);
  });
  return () => {
    scope.get('/', { schema: { hide: true } }, () => ({
      service: SERVICE_NAME,
      version,
      api: 'agora-token-service',
      routes,
    }));
    scope.get('/openapi.json', { schema: { hide: true } }, () => scope.swagger());
  };
}
