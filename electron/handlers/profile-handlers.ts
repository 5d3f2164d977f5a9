import type { IpcChannel, KeychainStatus, ProfileProblemView, ProfileView } from '../../shared/contract/index.js';
import type { Profile, ProfileProblem, ProfileStore } from '../../shared/profiles/profile-store.js';
import { handle, type IpcHandlerMap } from './result.js';

type ProfileChannel = Extract<IpcChannel, `profiles:${string}`>;

/**
 * Views are built field by field: whatever the store keeps on a profile, nothing but these
 * fields (never a certificate) can reach the renderer.
 */
function toView(profile: Profile): ProfileView {
  return {
    id: profile.id,
    name: profile.name,
    appId: profile.appId,
    createdAt: profile.createdAt,
    isDefault: profile.isDefault,
  };
}

function toProblemView(problem: ProfileProblem): ProfileProblemView {
  const view: ProfileProblemView = { kind: problem.kind, message: problem.message };
  if (problem.profileId !== undefined) view.profileId = problem.profileId;
  if (problem.profileName !== undefined) view.profileName = problem.profileName;
  return view;
}

function toKeychainView(status: KeychainStatus): KeychainStatus {
  return status.message === undefined ? { available: status.available } : { available: status.available, message: status.message };
}

export function createProfileHandlers(store: ProfileStore): Pick<IpcHandlerMap, ProfileChannel> {
  return {
    'profiles:list': handle('profiles:list', async () => {
      const { profiles, problems } = await store.list();
      return {
        profiles: profiles.map(toView),
        problems: problems.map(toProblemView),
        keychain: toKeychainView(await store.keychainStatus()),
      };
    }),
    'profiles:add': handle('profiles:add', async (input) => toView(await store.add(input))),
    'profiles:rename': handle('profiles:rename', async (input) =>
      toView(await store.rename(input.id, input.name)),
    ),
    'profiles:update-certificate': handle('profiles:update-certificate', async (input) =>
      toView(await store.updateCertificate(input.id, input.appCertificate)),
    ),
    'profiles:remove': handle('profiles:remove', async (input) => {
      await store.remove(input.id);
      return { removed: true as const };
    }),
    'profiles:set-default': handle('profiles:set-default', async (input) =>
      toView(await store.setDefault(input.id)),
    ),
  };
}
