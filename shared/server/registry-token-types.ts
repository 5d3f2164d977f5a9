import type { BuiltToken } from '../contract/views.js';
import type { Credentials } from '../contract/fields.js';
import { buildKind } from '../token/build-kind.js';
import type { HttpTokenFields } from '../token/kinds/kind.js';
import { TOKEN_KINDS, kindForTokenType } from '../token/kinds/registry.js';

/**
 * POST /getToken for the token kinds added after agora-token-service's rtc, rtm and chat:
 * each kind in the registry that declares a `tokenType` and how the body's fields map to
 * its input. The Go service's own three keep their dispatch in token-requests.ts.
 */
const GO_TOKEN_TYPES = ['rtc', 'rtm', 'chat'] as const;

export const REGISTRY_TOKEN_TYPES: readonly string[] = TOKEN_KINDS.flatMap((kind) =>
  kind.httpTokenType !== undefined &&
  kind.fromHttpBody !== undefined &&
  !(GO_TOKEN_TYPES as readonly string[]).includes(kind.httpTokenType)
    ? [kind.httpTokenType]
    : [],
);

/** Every `tokenType` POST /getToken accepts, in the order the error message lists them. */
export const HTTP_TOKEN_TYPES = [...GO_TOKEN_TYPES, ...REGISTRY_TOKEN_TYPES] as [string, ...string[]];

export const TOKEN_TYPE_MESSAGE = `tokenType must be one of ${HTTP_TOKEN_TYPES.join(', ')}`;

export function isRegistryTokenType(tokenType: string): boolean {
  return REGISTRY_TOKEN_TYPES.includes(tokenType);
}

/** Builds a registry kind's token from the parsed body fields (the kind's schema checks them). */
export function tokenFromRegistryBody(
  credentials: Credentials,
  tokenType: string,
  fields: HttpTokenFields,
): BuiltToken {
  const kind = kindForTokenType(tokenType);
  if (kind?.fromHttpBody === undefined) throw new Error(`no registry kind for tokenType ${tokenType}`);
  const built = buildKind(kind, credentials, kind.fromHttpBody(fields));
  if (!('token' in built)) throw new Error(`${tokenType} builds a pair, which POST /getToken cannot return`);
  return built;
}
