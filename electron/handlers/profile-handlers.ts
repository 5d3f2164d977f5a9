import type { IpcChannel, ProfileProblemView, ProfileView } from '../../shared/contract.js';
import type { ProfileStore } from '../../shared/profiles/profile-store.js';
import {
  noRequestSchema,
  profileAddSchema,
  profileCertificateSchema,
  profileRefSchema,
  profileRenameSchema,
} from './request-schemas.js';
import { handle, type IpcHandlerMap } from './result.js';

type ProfileChannel = Extract<IpcChannel, `profiles:${string}`>;

interface StoredProfile {
  id: string;
  name: string;
  appId: string;
  createdAt: string;
}

/**
 * Copies only the fields the UI may see: whatever the store keeps on a profile, the view
 * is built field by field so nothing else (a certificate above all) can slip through.
 */
function toView(profile: StoredProfile, defaultId: string | undefined): ProfileView {
  return {
    id: profile.id,
    name: profile.name,
    appId: profile.appId,
    createdAt: profile.createdAt,
    isDefault: profile.id === defaultId,
  };
}

function toProblemView(problem: ProfileProblemView): ProfileProblemView {
  const view: ProfileProblemView = { kind: problem.kind, message: problem.message };
  if (problem.profileId !== undefined) view.profileId = problem.profileId;
  if (problem.profileName !== undefined) view.profileName = problem.profileName;
  return view;
}

export function createProfileHandlers(store: ProfileStore): Pick<IpcHandlerMap, ProfileChannel> {
  const defaultId = async (): Promise<string | undefined> => (await store.getDefault())?.id;
  const view = async (profile: StoredProfile): Promise<ProfileView> => toView(profile, await defaultId());

  return {
    'profiles:list': handle('profiles:list', noRequestSchema, async () => {
      const { profiles, problems } = await store.list();
      const current = await defaultId();
      return {
        profiles: profiles.map((profile) => toView(profile, current)),
        problems: problems.map(toProblemView),
        keychain: await store.keychainStatus(),
      };
    }),
    'profiles:add': handle('profiles:add', profileAddSchema, async (input) => view(await store.add(input))),
    'profiles:rename': handle('profiles:rename', profileRenameSchema, async (input) =>
      view(await store.rename(input.id, input.name)),
    ),
    'profiles:update-certificate': handle('profiles:update-certificate', profileCertificateSchema, async (input) =>
      view(await store.updateCertificate(input.id, input.appCertificate)),
    ),
    'profiles:remove': handle('profiles:remove', profileRefSchema, async (input) => {
      await store.remove(input.id);
      return { removed: true as const };
    }),
    'profiles:set-default': handle('profiles:set-default', profileRefSchema, async (input) => {
      await store.setDefault(input.id);
      return view(await store.get(input.id));
    }),
  };
}
