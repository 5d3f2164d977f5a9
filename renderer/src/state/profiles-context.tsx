/**
 * One profile list for every screen: Generate, Decode, Local server and Profiles all read
 * it, and whoever changes a profile calls refresh() so the others see it at once.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { KeychainStatus, ProfileProblemView, ProfileView } from '../../../shared/contract/index.js';
import { call, errorMessage } from '../api.js';

export interface ProfilesState {
  loading: boolean;
  profiles: ProfileView[];
  problems: ProfileProblemView[];
  keychain: KeychainStatus;
  /** Set when the list itself could not be read. */
  error: string | undefined;
  refresh(): Promise<void>;
}

const ProfilesContext = createContext<ProfilesState | undefined>(undefined);

export function ProfilesProvider({ children }: { children: ReactNode }) {
  const [loading, setLoading] = useState(true);
  const [profiles, setProfiles] = useState<ProfileView[]>([]);
  const [problems, setProblems] = useState<ProfileProblemView[]>([]);
  const [keychain, setKeychain] = useState<KeychainStatus>({ available: true });
  const [error, setError] = useState<string | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      const list = await call('profiles:list', undefined);
      setProfiles(list.profiles);
      setProblems(list.problems);
      setKeychain(list.keychain);
      setError(undefined);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo(
    () => ({ loading, profiles, problems, keychain, error, refresh }),
    [loading, profiles, problems, keychain, error, refresh],
  );
  return <ProfilesContext.Provider value={value}>{children}</ProfilesContext.Provider>;
}

export function useProfiles(): ProfilesState {
  const state = useContext(ProfilesContext);
  if (state === undefined) throw new Error('useProfiles must be used inside ProfilesProvider');
  return state;
}

/** The profile a form should start on: the default one, else the first. */
export function initialProfileId(profiles: readonly ProfileView[]): string {
  return (profiles.find((profile) => profile.isDefault) ?? profiles[0])?.id ?? '';
}
