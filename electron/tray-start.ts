/**
 * What the tray's "Start server" asks for: the default profile on this machine only, at
 * the port the server last used (or the service's usual 8080). Pure, so it is tested under
 * Node; the tray has no form, so it never exposes the server to the network.
 */
import type { IpcRequest } from '../shared/contract/ipc.js';
import type { ProfileView } from '../shared/contract/views.js';

export const TRAY_DEFAULT_PORT = 8080;

export type TrayStart = { kind: 'start'; request: IpcRequest<'server:start'> } | { kind: 'no-profile' };

/** `defaultPort` is the one chosen in Settings, used until the server has run on some port. */
export function trayStartRequest(
  profiles: readonly ProfileView[],
  lastPort: number | undefined,
  defaultPort: number = TRAY_DEFAULT_PORT,
): TrayStart {
  const profile = profiles.find((candidate) => candidate.isDefault) ?? profiles[0];
  if (profile === undefined) return { kind: 'no-profile' };
  return {
    kind: 'start',
    request: { profileIds: [profile.id], port: lastPort ?? defaultPort, host: '127.0.0.1', corsOrigins: '' },
  };
}
