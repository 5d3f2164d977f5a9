/**
 * The Generate screen's state as plain data (kept by state/generate-context.tsx): which
 * errors show, the form a session starts with, a default expiry that arrives later. Free of
 * React so it is unit-tested under Node.
 */
import type { Generated } from '../../../shared/contract/views.js';
import { EMPTY_FORM, kindDefaults, type FieldErrors, type GenerateForm, type KindId } from './generate-form.js';

export interface GenerateResult {
  value: Generated;
  form: GenerateForm;
  profileName: string;
  appId: string;
}

export interface GenerateState {
  form: GenerateForm;
  /** What was typed on the other kinds' tabs: each kind keeps its own fields. */
  drafts: Partial<Record<KindId, Pick<GenerateForm, 'values' | 'choices'>>>;
  /** The expiry (seconds) from Settings that a kind's untouched form starts with. */
  defaultExpiry: number | undefined;
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

/** The form a new session starts with; `defaultExpiry` (seconds) fills the expiry box. */
export function initialForm(defaultExpiry?: number): GenerateForm {
  if (defaultExpiry === undefined) return EMPTY_FORM;
  return { kind: EMPTY_FORM.kind, ...kindDefaults(EMPTY_FORM.kind, defaultExpiry) };
}

/** The state on another kind's tab: the current fields are kept for when the user comes back. */
export function withKind(state: GenerateState, kind: KindId): GenerateState {
  if (state.form.kind === kind) return state;
  const { values, choices } = state.form;
  const next = state.drafts[kind] ?? kindDefaults(kind, state.defaultExpiry);
  return {
    ...state,
    form: { kind, ...next },
    drafts: { ...state.drafts, [state.form.kind]: { values, choices } },
    touched: {},
    submitted: false,
    serverErrors: {},
    failure: undefined,
  };
}

/** A session before anything was typed or generated. */
export function initialState(defaultExpiry?: number): GenerateState {
  return {
    form: initialForm(defaultExpiry),
    drafts: {},
    defaultExpiry,
    profileId: '',
    touched: {},
    submitted: false,
    serverErrors: {},
    failure: undefined,
    results: {},
  };
}

/** The state with a new default expiry, in every form whose box still holds the old one. */
export function withDefaultExpiry(
  state: GenerateState,
  previous: number | undefined,
  next: number | undefined,
): GenerateState {
  const text = (seconds: number | undefined) => (seconds === undefined ? '' : String(seconds));
  const renew = <F extends Pick<GenerateForm, 'values'>>(form: F): F =>
    (form.values['expire'] ?? '') === text(previous)
      ? { ...form, values: { ...form.values, expire: text(next) } }
      : form;
  const drafts: GenerateState['drafts'] = {};
  for (const [kind, draft] of Object.entries(state.drafts)) drafts[kind as KindId] = renew(draft);
  const form = renew(state.form);
  return { ...state, form, drafts, defaultExpiry: next };
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
