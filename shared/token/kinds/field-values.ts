import { parseDigits, parseDuration } from '../../contract/fields.js';
import type { KindField } from './kind.js';

/**
 * Text typed for a kind's fields (CLI flag values, form boxes) as the kind's input object.
 * Only the conversion happens here: a value that does not convert becomes NaN (or stays
 * text), so the kind's schema rejects it with its usual message. Empty means "not given".
 */
export type FieldValues = Readonly<Record<string, string | readonly string[] | undefined>>;

function convert(field: KindField, raw: string | readonly string[]): unknown {
  if (field.type === 'list') {
    const items = (typeof raw === 'string' ? [raw] : raw)
      .flatMap((item) => item.split(/[\s,]+/))
      .filter((item) => item !== '');
    return items.length === 0 ? undefined : items;
  }
  const text = typeof raw === 'string' ? raw : raw.join(',');
  switch (field.type) {
    case 'uid':
      return text.trim() === '' ? undefined : (parseDigits(text.trim(), 10) ?? Number.NaN);
    case 'seconds':
      return text.trim() === '' ? undefined : (parseDuration(text) ?? Number.NaN);
    case 'int':
      return text.trim() === '' ? undefined : (parseDigits(text.trim(), 5) ?? Number.NaN);
    case 'role':
      return text.trim() === '' ? undefined : text.trim();
    case 'text':
      return text === '' ? undefined : text;
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next === 'object' && next !== null) node = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      node[key] = created;
      node = created;
    }
  }
  node[keys[keys.length - 1] ?? path] = value;
}

export function inputFromValues(fields: readonly KindField[], values: FieldValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = values[field.key];
    if (raw === undefined) continue;
    const value = convert(field, raw);
    if (value !== undefined) setPath(input, field.key, value);
  }
  return input;
}

/** The CLI words that give these values: `--flag value` per field (lists repeat the flag). */
export function flagsFromValues(fields: readonly KindField[], values: FieldValues): string[] {
  const words: string[] = [];
  for (const field of fields) {
    const raw = values[field.key];
    if (raw === undefined) continue;
    const value = convert(field, raw);
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) words.push(`--${field.flag}`, String(item));
    else
      words.push(
        `--${field.flag}`,
        typeof raw === 'string' ? (field.type === 'text' ? raw : raw.trim()) : String(value),
      );
  }
  return words;
}
