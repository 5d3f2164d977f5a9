/**
 * The Generate form as plain data, derived from the token kinds registry: a tab per kind,
 * a box per declared field, and validation with the kind's own schema, the very object
 * main parses with (so cross-field rules such as "uid or account" are never copied).
 * Kept free of React so it is unit-tested under Node.
 */
import type { TokenBuildRequest } from '../../../shared/contract/ipc.js';
import { inputFromValues } from '../../../shared/token/kinds/field-values.js';
import type { KindField, TokenKind } from '../../../shared/token/kinds/kind.js';
import { TOKEN_KINDS, getKind, type KindId } from '../../../shared/token/kinds/registry.js';

export { TOKEN_KINDS, getKind, type KindId };

export interface GenerateForm {
  kind: KindId;
  /** Text typed per field key, for this kind only: another kind's tab keeps its own. */
  values: Readonly<Record<string, string>>;
  /** Per group of alternative fields (uid or account), the one in use. */
  choices: Readonly<Record<string, string>>;
}

/** A kind's form before anything was typed: each field's declared default (values it accepts). */
export function kindDefaults(kind: KindId, defaultExpiry?: number): Pick<GenerateForm, 'values' | 'choices'> {
  const values: Record<string, string> = {};
  for (const field of getKind(kind).fields) if (field.formDefault !== undefined) values[field.key] = field.formDefault;
  if (defaultExpiry !== undefined && getKind(kind).fields.some((field) => field.key === 'expire'))
    values['expire'] = String(defaultExpiry);
  return { values, choices: {} };
}

export const EMPTY_FORM: GenerateForm = { kind: 'rtc', ...kindDefaults('rtc') };

/** Whether two forms send the same input (a result is current only for the form that made it). */
export function sameInput(a: GenerateForm, b: GenerateForm): boolean {
  return a.kind === b.kind && JSON.stringify(formInput(a)) === JSON.stringify(formInput(b));
}

/** Which of its tokens the kind builds from this form ("app token"), for kinds that build several. */
export function formVariant(form: GenerateForm): string | undefined {
  const kind = getKind(form.kind);
  if (kind.variant === undefined) return undefined;
  const parsed = kind.schema.safeParse(formInput(form));
  return parsed.success ? kind.variant(parsed.data) : undefined;
}

/** Error messages by field key; `form` holds one that names no field of the form. */
export type FieldErrors = Partial<Record<string, string>>;

/** The first field of each group is in use until the user picks another. */
export function chosenField(form: GenerateForm, field: KindField): boolean {
  if (field.oneOf === undefined) return true;
  const kind = getKind(form.kind);
  const first = kind.fields.find((candidate) => candidate.oneOf === field.oneOf);
  return (form.choices[field.oneOf] ?? first?.key) === field.key;
}

/** The kind's fields the form sends now: every field, minus the alternatives not chosen. */
export function activeFields(form: GenerateForm): readonly KindField[] {
  return getKind(form.kind).fields.filter((field) => chosenField(form, field));
}

export function formInput(form: GenerateForm): Record<string, unknown> {
  return inputFromValues(activeFields(form), form.values);
}

function fieldFor(kind: TokenKind, path: string): string {
  const field = kind.fields.find((candidate) => path === candidate.key || path.startsWith(`${candidate.key}.`));
  return field?.key ?? 'form';
}

/** Every error the form has now, keyed by field (the first message per field). */
export function validateForm(form: GenerateForm): FieldErrors {
  const kind = getKind(form.kind);
  const result = kind.schema.safeParse(formInput(form));
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.code === 'unrecognized_keys' ? 'form' : fieldFor(kind, issue.path.map(String).join('.'));
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The IPC request for a valid form (call validateForm first). */
export function toRequest(form: GenerateForm, profileId: string): TokenBuildRequest {
  return { kind: form.kind, profileId, input: formInput(form) };
}

/** The error's field as a key of this kind's form, if it names one. */
export function formField(form: GenerateForm, field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  const key = fieldFor(getKind(form.kind), field);
  return key === 'form' ? undefined : key;
}

export const KINDS_IN_ORDER: readonly TokenKind[] = TOKEN_KINDS;
