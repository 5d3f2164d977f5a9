/**
 * The same token from the CLI and from the local server: what the Generate result offers
 * to copy. Both come from the kind's declarations: its CLI flags and its server call.
 */
import { shellCommand, shellQuote } from '../../../shared/contract/shell-quote.js';
import { flagsFromValues } from '../../../shared/token/kinds/field-values.js';
import type { HttpCall } from '../../../shared/token/kinds/kind.js';
import { activeFields, formInput, getKind, type GenerateForm } from './generate-form.js';

export function cliCommand(form: GenerateForm, profileName: string): string {
  return shellCommand([
    'agora-token-desk',
    'token',
    form.kind,
    '--profile',
    profileName,
    ...flagsFromValues(activeFields(form), form.values),
  ]);
}

export function curlFor(call: HttpCall, baseUrl: string): { command: string } | { unavailable: string } {
  if ('unavailable' in call) return call;
  const base = baseUrl.replace(/\/+$/, '');
  if (call.method === 'GET') return { command: `curl ${shellQuote(`${base}${call.path}`)}` };
  return {
    command: shellCommand([
      'curl',
      '-X',
      'POST',
      '-H',
      'Content-Type: application/json',
      '-d',
      JSON.stringify(call.body),
      `${base}${call.path}`,
    ]),
  };
}

/** The curl call to the local server, or why there is none. */
export function curlCommand(form: GenerateForm, baseUrl: string): { command: string } | { unavailable: string } {
  const kind = getKind(form.kind);
  const parsed = kind.schema.safeParse(formInput(form));
  if (!parsed.success) return { unavailable: 'Fix the form first.' };
  return curlFor(kind.httpCall(parsed.data), baseUrl);
}
