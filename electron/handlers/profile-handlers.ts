import { z } from 'zod';
import {
  appCertificateSchema,
  parseInput,
  type IpcChannel,
  type IpcResult,
  type KeychainStatus,
  type ProfileProblemView,
  type ProfileView,
} from '../../shared/contract/index.js';
import { toErrorInfo } from '../../shared/errors.js';
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

/** Profile views that also say whether a secondary certificate is saved (for the rotation UI). */
export type ProfileCertificateView = ProfileView & { hasSecondaryCertificate: boolean };

const idOnlySchema = z.object({ id: z.string({ error: 'profile is required' }).min(1, { error: 'profile is required' }) }, { error: 'the request must be an object' });
const secondarySchema = idOnlySchema.extend({ appCertificate: appCertificateSchema });

async function result<T>(run: () => Promise<T>): Promise<IpcResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

/**
 * Secondary certificates and rotation, as plain functions over untrusted requests (each parses
 * its input once and never throws). The lead registers them on IPC channels with the new
 * contract; like every profile answer they never carry a certificate.
 */
export function createProfileCertificateHandlers(store: ProfileStore) {
  const withSecondary = (profile: Profile, has: boolean): ProfileCertificateView => ({ ...toView(profile), hasSecondaryCertificate: has });
  return {
    /** Promotes the secondary certificate to primary; the former primary becomes the secondary. */
    rotate: (request: unknown): Promise<IpcResult<ProfileCertificateView>> =>
      result(async () => withSecondary(await store.rotate(parseInput(idOnlySchema, request).id), true)),
    setSecondaryCertificate: (request: unknown): Promise<IpcResult<ProfileCertificateView>> =>
      result(async () => {
        const input = parseInput(secondarySchema, request);
        return withSecondary(await store.setSecondaryCertificate(input.id, input.appCertificate), true);
      }),
    removeSecondaryCertificate: (request: unknown): Promise<IpcResult<ProfileCertificateView>> =>
      result(async () => {
        const { id } = parseInput(idOnlySchema, request);
        await store.removeSecondaryCertificate(id);
        return withSecondary(await store.get(id), false);
      }),
  };
}
