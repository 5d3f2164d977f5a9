import type { Generated } from '../contract/views.js';
import { parseInput, type Credentials } from '../contract/fields.js';
import { agoraKit } from './agora-kit.js';
import type { BuildOptions, TokenKind } from './kinds/kind.js';
import { getKind, type KindId } from './kinds/registry.js';

/** Checks the input with the kind's schema (once; a plainly valid one by `accept`), then builds with agora-token. */
export function buildKind(
  kind: KindId | TokenKind,
  credentials: Credentials,
  input: unknown,
  options: BuildOptions = {},
): Generated {
  const spec = typeof kind === 'string' ? getKind(kind) : kind;
  const parsed = spec.accept?.(input) ?? parseInput(spec.schema, input);
  return buildParsedKind(spec, credentials, parsed, options);
}

/** For a door that already parsed the input with `kind.schema`. */
export function buildParsedKind(
  kind: TokenKind,
  credentials: Credentials,
  parsed: unknown,
  options: BuildOptions = {},
): Generated {
  return kind.build(agoraKit, credentials, parsed, options);
}
