import { z } from 'zod';
import type { ProfileStore } from '../../shared/profiles/profile-store.js';
import { decodeWithProfiles } from './decode-handler.js';
import { createProfileHandlers } from './profile-handlers.js';
import { clipboardWriteSchema, decodeRequestSchema, noRequestSchema, profileIdSchema } from './request-schemas.js';
import { handle, type IpcHandlerMap } from './result.js';
import type { ServerController } from './server-controller.js';
import { createTokenHandlers } from './token-handlers.js';

export type { IpcHandler, IpcHandlerMap } from './result.js';

export interface IpcHandlerDeps {
  profiles: ProfileStore;
  server: ServerController;
  clipboard: { writeText(text: string): void };
}

const serverStartSchema = z
  .object(
    {
      profileId: profileIdSchema,
      port: z
        .number({ error: 'port must be a whole number from 0 to 65535' })
        .int({ error: 'port must be a whole number from 0 to 65535' })
        .min(0, { error: 'port must be a whole number from 0 to 65535' })
        .max(65535, { error: 'port must be a whole number from 0 to 65535' }),
      host: z.string({ error: 'host is required' }).trim().min(1, { error: 'host is required' }),
      corsOrigins: z.string({ error: 'CORS origins must be text' }),
    },
    { error: 'the request must be an object' },
  )
  .strict();

/**
 * Every IPC channel of the contract, as plain async functions: Electron's ipcMain calls
 * them in the app, the Chromium tests call them through a page binding. None imports
 * Electron, validates nothing twice, or lets an App Certificate out.
 */
export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlerMap {
  const { profiles, server, clipboard } = deps;
  return {
    ...createProfileHandlers(profiles),
    ...createTokenHandlers(profiles),
    'token:decode': handle('token:decode', decodeRequestSchema, (input) => decodeWithProfiles(profiles, input)),
    'server:start': handle('server:start', serverStartSchema, async (input) => {
      const credentials = await profiles.credentials(input.profileId);
      return server.start(input, credentials);
    }),
    'server:stop': handle('server:stop', noRequestSchema, () => server.stop()),
    'server:status': handle('server:status', noRequestSchema, () => server.status()),
    'clipboard:write': handle('clipboard:write', clipboardWriteSchema, (input) => {
      clipboard.writeText(input.text);
      return { written: true as const };
    }),
  };
}
