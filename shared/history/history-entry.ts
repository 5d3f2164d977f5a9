import type { Generated } from '../contract/views.js';
import type { KindField, TokenKind } from '../token/kinds/kind.js';
import type { KindId } from '../token/kinds/registry.js';
import type { NewHistoryEntry } from './token-history.js';

/** What one successful `token:build` made, as the door received and parsed it. */
export interface BuildRecord {
  kind: KindId;
  spec: TokenKind;
  profileId: string;
  /** The request's input as sent (it passed the kind's strict schema). */
  input: Record<string, unknown>;
  /** The same input after the kind's schema (defaults applied). */
  parsed: unknown;
  generated: Generated;
}

// Text and user fields say who and where (channel, uid, user, room); expiries and roles do not.
const SUBJECT_TYPES: ReadonlySet<KindField['type']> = new Set(['text', 'uid']);

function valueAt(source: unknown, path: string): unknown {
  let node = source;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function subjectOf(kind: TokenKind, parsed: unknown): NewHistoryEntry['subject'] {
  return kind.fields
    .filter((field) => SUBJECT_TYPES.has(field.type))
    .flatMap((field) => {
      const value = valueAt(parsed, field.key);
      if (typeof value !== 'string' && typeof value !== 'number') return [];
      return [{ name: field.label.replace(/\s*\(optional\)$/, ''), value: String(value) }];
    });
}

function tokensOf(generated: Generated): NewHistoryEntry['tokens'] {
  if ('rtcToken' in generated) {
    return [
      { name: 'RTC token', token: generated.rtcToken },
      { name: 'RTM token', token: generated.rtmToken },
    ];
  }
  return [{ name: 'Token', token: generated.token }];
}

/** The history entry for one build: a copy of the input, so later changes to it do not leak in. */
export function historyEntryOf(record: BuildRecord): NewHistoryEntry {
  return {
    kind: record.kind,
    profileId: record.profileId,
    input: structuredClone(record.input),
    subject: subjectOf(record.spec, record.parsed),
    tokens: tokensOf(record.generated),
    issuedAt: record.generated.issuedAt,
    expiresAt: record.generated.expiresAt,
  };
}
