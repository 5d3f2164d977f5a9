import type { IpcParsedRequest, ServerStartResponse } from '../contract/index.js';
import type { ProfileStore } from '../profiles/profile-store.js';
import { generateApiKey } from '../server/api-keys.js';
import type { Credentials } from '../token/validation.js';
import { handle } from './result.js';
import type { ServerController, ServerStartExtras } from './server-controller.js';

/**
 * Starts the local server for the Local server screen: reads the credentials of every
 * profile chosen (the first answers requests without appId) and turns the exposure choice
 * into the controller's settings. An API key made here goes back once, in this answer:
 * the controller's status and events never carry it, and nothing logs it.
 */
export async function startServer(
  profiles: ProfileStore,
  server: ServerController,
  input: IpcParsedRequest<'server:start'>,
): Promise<ServerStartResponse> {
  const credentials: Credentials[] = [];
  for (const id of input.profileIds) credentials.push(await profiles.credentials(id));
  const apiKey = input.exposure?.mode === 'api-key' ? generateApiKey() : undefined;
  const extras: ServerStartExtras = {
    profileIds: input.profileIds,
    ...(apiKey === undefined ? {} : { apiKeys: [apiKey] }),
    ...(input.exposure?.mode === 'no-auth' ? { allowUnauthenticatedExposure: true } : {}),
    ...(input.rateLimit === undefined ? {} : { rateLimit: input.rateLimit }),
    ...(input.metrics === undefined ? {} : { metrics: input.metrics }),
  };
  const status = await server.start(
    { port: input.port, host: input.host, corsOrigins: input.corsOrigins },
    credentials,
    extras,
  );
  return apiKey === undefined ? status : { ...status, apiKey };
}

export function createServerHandlers(profiles: ProfileStore, server: ServerController) {
  return {
    'server:start': handle('server:start', (input) => startServer(profiles, server, input)),
    'server:stop': handle('server:stop', () => server.stop()),
    'server:status': handle('server:status', () => server.status()),
    'server:log': handle('server:log', () => server.recentRequests()),
    'server:log-clear': handle('server:log-clear', () => {
      server.clearRequests();
      return { cleared: true as const };
    }),
  };
}
