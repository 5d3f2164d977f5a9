/**
 * The Generate screen's state, kept above the screens so it survives navigation: the form,
 * which fields the user has left (their errors show only then, or after a submit), and the
 * last result of each kind with the form and profile that made it. A result is shown only
 * under its own kind's tab, so switching tabs never shows another kind's token or command.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { KindId } from '../logic/generate-form.js';
import { initialState, withDefaultExpiry, withKind, type GenerateState } from '../logic/generate-state.js';

export type { GenerateResult, GenerateState } from '../logic/generate-state.js';
export { visibleErrors } from '../logic/generate-state.js';

interface GenerateStore {
  state: GenerateState;
  update(change: (current: GenerateState) => GenerateState): void;
  /** Another kind: its own fields and result (if any), no submit yet, so no error on untouched fields. */
  selectKind(kind: KindId): void;
}

const GenerateContext = createContext<GenerateStore | undefined>(undefined);

export function GenerateProvider({ children, defaultExpiry }: { children: ReactNode; defaultExpiry?: number }) {
  const [state, setState] = useState<GenerateState>(() => initialState(defaultExpiry));
  // Settings can arrive after the first render: a new default replaces the old one in the
  // expiry box unless the user typed something else there.
  const appliedDefault = useRef(defaultExpiry);
  useEffect(() => {
    const previous = appliedDefault.current;
    appliedDefault.current = defaultExpiry;
    if (previous === defaultExpiry) return;
    setState((current) => withDefaultExpiry(current, previous, defaultExpiry));
  }, [defaultExpiry]);
  const selectKind = useCallback((kind: KindId) => setState((current) => withKind(current, kind)), []);
  const value = useMemo(() => ({ state, update: setState, selectKind }), [state, selectKind]);
  return <GenerateContext.Provider value={value}>{children}</GenerateContext.Provider>;
}

export function useGenerateState(): GenerateStore {
  const store = useContext(GenerateContext);
  if (store === undefined) throw new Error('useGenerateState must be used inside GenerateProvider');
  return store;
}
