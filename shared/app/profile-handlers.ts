import {
  profileFields,
  type IpcChannel,
  type KeychainStatus,
  type ProfileProblemView,
  type ProfileView,
} from '../contract/index.js';
import type { Profile, ProfileProblem, ProfileStore } from '../profiles/profile-store.js';
import { handle, type IpcHandlerMap } from './result.js';

type ProfileChannel = Extract<IpcChannel, `profiles:${string}`>;

/** Field by field (profileFields): nothing else the store keeps on a profile reaches the renderer. */
function toView(profile: Profile, hasSecondaryCertificate: boolean): ProfileView {
  return { ...profileFields(profile), hasSecondaryCertificate };
}

/**
 * The view of a profile the store answered without the secondary flag. A keychain that
 * cannot answer must not turn a rename that succeeded into an error, so it reads as "none
 * saved", as in the list when the keychain is unavailable.
 */
async function viewOf(store: ProfileStore, profile: Profile): Promise<ProfileView> {
  if (profile.hasSecondaryCertificate !== undefined) return toView(profile, profile.hasSecondaryCertificate);
  return toView(profile, await store.hasSecondaryCertificate(profile.id).catch(() => false));
}

function toProblemView(problem: ProfileProblem): ProfileProblemView {
  const view: ProfileProblemView = { kind: problem.kind, message: problem.message };
  if (problem.profileId !== undefined) view.profileId = problem.profileId;
  if (problem.profileName !== undefined) view.profileName = problem.profileName;
  return view;
}

function toKeychainView(status: KeychainStatus): KeychainStatus {
  return status.message === undefined
    ? { available: status.available }
    : { available: status.available, message: status.message };
}

export function createProfileHandlers(store: ProfileStore): Pick<IpcHandlerMap, ProfileChannel> {
  return {
    'profiles:list': handle('profiles:list', async () => {
      // The keychain probe and the list do not depend on each other: neither waits for the other.
      const [{ profiles, problems }, keychain] = await Promise.all([store.list(), store.keychainStatus()]);
      return {
        profiles: profiles.map((profile) => toView(profile, profile.hasSecondaryCertificate ?? false)),
        problems: problems.map(toProblemView),
        keychain: toKeychainView(keychain),
      };
    }),
    // A profile added over IPC has no secondary certificate yet.
    'profiles:add': handle('profiles:add', async (input) => toView(await store.add(input), false)),
    'profiles:rename': handle('profiles:rename', async (input) =>
      viewOf(store, await store.rename(input.id, input.name)),
    ),
    'profiles:update-certificate': handle('profiles:update-certificate', async (input) =>
      viewOf(store, await store.updateCertificate(input.id, input.appCertificate)),
    ),
    'profiles:remove': handle('profiles:remove', async (input) => {
      await store.remove(input.id);
      return { removed: true as const };
    }),
    'profiles:set-default': handle('profiles:set-default', async (input) =>
      viewOf(store, await store.setDefault(input.id)),
    ),
    ...createCertificateHandlers(store),
  };
}

type CertificateChannel =
  'profiles:set-secondary-certificate' | 'profiles:remove-secondary-certificate' | 'profiles:rotate';

/** Secondary certificates and rotation; like every profile answer they never carry a certificate. */
function createCertificateHandlers(store: ProfileStore): Pick<IpcHandlerMap, CertificateChannel> {
  return {
    'profiles:set-secondary-certificate': handle('profiles:set-secondary-certificate', async (input) =>
      toView(await store.setSecondaryCertificate(input.id, input.appCertificate), true),
    ),
    'profiles:remove-secondary-certificate': handle('profiles:remove-secondary-certificate', async (input) => {
      await store.removeSecondaryCertificate(input.id);
      return toView(await store.get(input.id), false);
    }),
    // The store swaps the two, so the former primary stays as the secondary.
    'profiles:rotate': handle('profiles:rotate', async (input) => toView(await store.rotate(input.id), true)),
  };
}
