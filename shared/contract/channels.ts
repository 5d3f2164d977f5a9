/**
 * The IPC channel and event names, as plain data: the sandboxed preload checks calls
 * against these without loading zod. `ipcContract` (ipc.ts) must map exactly these names
 * to schemas (a compile error otherwise), so a channel cannot be typed but unregistered.
 */
export const IPC_CHANNELS = [
  'profiles:list',
  'profiles:add',
  'profiles:rename',
  'profiles:update-certificate',
  'profiles:remove',
  'profiles:set-default',
  'profiles:set-secondary-certificate',
  'profiles:remove-secondary-certificate',
  'profiles:rotate',
  'token:build',
  'token:decode',
  'token:diagnose',
  'server:start',
  'server:stop',
  'server:status',
  'server:log',
  'server:log-clear',
  'history:list',
  'history:clear',
  'settings:get',
  'settings:set',
] as const;
export type IpcChannel = (typeof IPC_CHANNELS)[number];

export const IPC_EVENTS = ['server:request', 'server:status', 'history:changed', 'settings:changed'] as const;
export type IpcEvent = (typeof IPC_EVENTS)[number];
