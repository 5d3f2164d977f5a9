import { TokenDeskError } from '../shared/errors.js';
import { credentialsSchema, parseInput, type Credentials } from '../shared/token/validation.js';
import type { ProfileStore } from '../shared/profiles/profile-store.js';
import { loadEnvironment } from './env-file.js';

export interface CredentialSource {
  credentials: Credentials;
  /** Where they came from, for messages: "environment" or `profile "name"`. */
  source: string;
}

export interface CredentialRequest {
  profile?: string | undefined;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Finds the App ID and certificate for a command: an explicit --profile, else APP_ID and
 * APP_CERTIFICATE from the environment or .env, else the default profile.
 */
export async function resolveCredentials(request: CredentialRequest = {}): Promise<CredentialSource> {
  const env = loadEnvironment(request.cwd ?? process.cwd(), request.env ?? process.env);
  if (request.profile !== undefined) return profileCredentials(request.profile);
  const appId = env['APP_ID'];
  const appCertificate = env['APP_CERTIFICATE'];
  if (appId || appCertificate) {
    if (!appId) throw new TokenDeskError('missing_credentials', 'APP_ID is not set (APP_CERTIFICATE is)');
    if (!appCertificate) throw new TokenDeskError('missing_credentials', 'APP_CERTIFICATE is not set (APP_ID is)');
    try {
      return { credentials: parseInput(credentialsSchema, { appId, appCertificate }), source: 'environment' };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new TokenDeskError(
        'missing_credentials',
        message.replace(/^App ID/, 'APP_ID').replace(/^App Certificate/, 'APP_CERTIFICATE'),
      );
    }
  }
  const fallback = await defaultProfileCredentials();
  if (fallback) return fallback;
  throw new TokenDeskError(
    'missing_credentials',
    'no credentials: set APP_ID and APP_CERTIFICATE (environment or .env), or use --profile NAME',
  );
}

/** Loaded on demand: commands that get their credentials from the environment never load the keychain module. */
async function openStore(): Promise<ProfileStore> {
  return new (await import('../shared/profiles/profile-store.js')).ProfileStore();
}

async function profileCredentials(name: string, store?: ProfileStore): Promise<CredentialSource> {
  store ??= await openStore();
  const profile = await store.get(name);
  return { credentials: await store.credentials(profile.id), source: `profile "${profile.name}"` };
}

/** The default profile's credentials; none without a profiles.json, so the keychain is left alone. */
async function defaultProfileCredentials(): Promise<CredentialSource | undefined> {
  const store = await openStore();
  const profile = await store.getDefault();
  return profile === undefined ? undefined : profileCredentials(profile.id, store);
}
