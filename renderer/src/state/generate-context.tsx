/**
 * The Generate screen's state, kept above the screens so it survives navigation: the form,
 * which fields the user has left (their errors show only then, or after a submit), and the
 * last result of each kind with the form and profile that made it. A result is shown only
 * under its own kind's tab, so switching tabs never shows another kind's token or command.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Generated } from '../../../shared/contract/views.js';
import { EMPTY_FORM, type FieldErrors, type GenerateForm, type KindId } from '../logic/generate-form.js';

export interface GenerateResult {
  value: Generated;
  form: GenerateForm;
  profileName: string;
  appId: string;
}

export interface GenerateState {
  form: GenerateForm;
  /** The profile picked in the form; empty until the user picks one (then the default applies). */
  profileId: string;
  /** Field keys the user has left at least once. */
  touched: Readonly<Record<string, true>>;
  /** Set by a submit of the current kind: every field's error shows from then on. */
  submitted: boolean;
  serverErrors: FieldErrors;
  failure: string | undefined;
  results: Partial<Record<KindId, GenerateResult>>;
}

interface GenerateStore {
  state: GenerateState;
  update(change: (current: GenerateState) => GenerateState): void;
  /** Another kind: its own result (if any), no submit yet, so no error on untouched fields. */
  selectKind(kind: KindId): void;
}

const GenerateContext = createContext<GenerateStore | undefined>(undefined);

/** The form a new session starts with; `defaultExpiry` (seconds) fills the expiry box. */
export function initialForm(defaultExpiry?: number): GenerateForm {
  if (defaultExpiry === undefined) return EMPTY_FORM;
  return { ...EMPTY_FORM, values: { ...EMPTY_FORM.values, expire: String(defaultExpiry) } };
}

export function GenerateProvider({ children, defaultExpiry }: { children: ReactNode; defaultExpiry?: number }) {
  const [state, setState] = useState<GenerateState>(() => ({
    form: initialForm(defaultExpiry),
    profileId: '',
    touched: {},
    submitted: false,
    serverErrors: {},
    failure: undefined,
    results: {},
  }));
  const selectKind = useCallback(
    (kind: KindId) =>
      setState((current) =>
        current.form.kind === kind
          ? current
          : {
              ...current,
              form: { ...current.form, kind },
              touched: {},
              submitted: false,
              serverErrors: {},
              failure: undefined,
            },
      ),
    [],
  );
  const value = useMemo(() => ({ state, update: setState, selectKind }), [state, selectKind]);
  return <GenerateContext.Provider value={value}>{children}</GenerateContext.Provider>;
}

export function useGenerateState(): GenerateStore {
  const store = useContext(GenerateContext);
  if (store === undefined) throw new Error('useGenerateState must be used inside GenerateProvider');
  return store;
}

/** The errors to show: a field's once it was left, every one after a submit. */
export function visibleErrors(state: GenerateState, all: FieldErrors): FieldErrors {
  const errors: FieldErrors = { ...all, ...state.serverErrors };
  if (state.submitted) return errors;
  const shown: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    if (key !== 'form' && state.touched[key] === true) shown[key] = message;
  }
  return shown;
}
