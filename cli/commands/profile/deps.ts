import type { Profile, ProfileStore } from '../../../shared/profiles/profile-store.js';
import { processOutput, type Output } from '../../output.js';
import { processSecretInput, type SecretInput } from './prompt.js';

/** What every `profile` command needs; tests and other front ends pass their own. */
export interface ProfileDeps {
  /** Loaded on demand: the keychain module is native and slow to load, and `token` needs it rarely. */
  store(): Promise<ProfileStore>;
  output: Output;
  input: SecretInput;
}

export function processProfileDeps(): ProfileDeps {
  return {
    store: async () => new (await import('../../../shared/profiles/profile-store.js')).ProfileStore(),
    output: processOutput,
    input: processSecretInput(),
  };
}

export function describeProfile(profile: Profile): string {
  return `profile "${profile.name}" (App ID ${profile.appId}${profile.isDefault ? ', default' : ''})`;
}

export function certificateQuestion(name: string, which: 'App Certificate' | 'secondary App Certificate'): string {
  return `${which} for "${name}" (input hidden): `;
}
