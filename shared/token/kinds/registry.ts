import { z } from 'zod/mini';
import { apaasKind } from './apaas.js';
import { chatKind } from './chat.js';
import { convoaiKind } from './convoai.js';
import { fpaKind } from './fpa.js';
import type { TokenKind } from './kind.js';
import { rtcRtmKind } from './rtc-rtm.js';
import { rtcKind } from './rtc.js';
import { rteKind } from './rte.js';
import { rtmKind } from './rtm.js';
import { sttKind } from './stt.js';

/**
 * Every token kind, in the order the CLI's help and the Generate screen's tabs show them.
 * Adding a kind: its module, one line here, its tests (docs/architecture.md).
 */
export const TOKEN_KINDS = [
  rtcKind,
  rtmKind,
  rteKind,
  chatKind,
  rtcRtmKind,
  convoaiKind,
  sttKind,
  apaasKind,
  fpaKind,
] as const satisfies readonly TokenKind[];

export type KindId = (typeof TOKEN_KINDS)[number]['id'];
export const KIND_IDS = TOKEN_KINDS.map((kind) => kind.id) as KindId[];

export const kindIdSchema = z.enum(KIND_IDS as [KindId, ...KindId[]], {
  error: `kind must be one of ${KIND_IDS.join(', ')}`,
});

const byId = new Map<string, TokenKind>(TOKEN_KINDS.map((kind) => [kind.id, kind]));

export function getKind(id: KindId): TokenKind {
  const kind = byId.get(id);
  if (kind === undefined) throw new Error(`unknown token kind ${id}`);
  return kind;
}

/** The kind whose POST /getToken `tokenType` this is, if any. */
export function kindForTokenType(tokenType: string): TokenKind | undefined {
  return TOKEN_KINDS.find((kind) => kind.httpTokenType === tokenType);
}
