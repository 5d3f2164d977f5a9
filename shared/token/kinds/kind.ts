import type { z } from 'zod/mini';
import type { Generated } from '../../contract/views.js';
import type { Credentials } from '../../contract/fields.js';
import type { AgoraKit } from './agora-kit-type.js';

/**
 * One token kind, declared once. The CLI's `token <id>` command, the IPC `token:build`
 * channel, the Generate screen's tab and form, the POST /getToken dispatch and the
 * equivalent commands are all derived from these declarations (docs/architecture.md).
 */

/** How a field's text (a CLI flag value, a form box) becomes the schema's input. */
export type FieldType = 'text' | 'uid' | 'seconds' | 'int' | 'role' | 'list';

export interface KindField {
  /** Dotted path in the kind's input object, e.g. `privileges.join`. */
  key: string;
  /** CLI flag name without the dashes, e.g. `join-expire`. */
  flag: string;
  /** Form label. */
  label: string;
  /** CLI option description. */
  help: string;
  /** Form hint, in the app's words (no CLI flags): whole sentences. */
  hint?: string;
  /** What the form's box holds before the user types: a value the kind accepts. */
  formDefault?: string;
  type: FieldType;
  /** Placeholder for the CLI flag's value, e.g. `<name>`. */
  valueName?: string;
  /** The CLI requires the flag (the schema says so too; this only shapes --help). */
  required?: boolean;
  /** The form tucks it under "More options". */
  advanced?: boolean;
  /** Fields of one group are alternatives: exactly one must be given (uid or account). */
  oneOf?: string;
  /** Choices, for `role` fields and fixed lists. */
  choices?: readonly string[];
}

export interface BuildOptions {
  /** Unix seconds to stamp as the issue time; defaults to now. For reproducible tokens. */
  issuedAt?: number;
  /** Salt to sign with; defaults to a random 1..99999999, as agora-token does. */
  salt?: number;
}

/** The local server call that builds the same token, or why there is none. */
export type HttpCall =
  | { method: 'GET'; path: string }
  | { method: 'POST'; path: string; body: Record<string, unknown> }
  | { unavailable: string };

/** The fields of a POST /getToken body, as the server parsed them. */
export interface HttpTokenFields {
  channel?: string | undefined;
  role?: string | undefined;
  uid?: string | undefined;
  expire?: number | undefined;
}

export interface TokenKindSpec<S extends z.ZodMiniType> {
  id: string;
  label: string;
  /** One line for `token --help`, in the CLI's words (it may name flags). */
  description: string;
  /** The Generate form's description, in the app's words (no flags): whole sentences. */
  formDescription: string;
  /** For kinds whose input picks one of several tokens: which one, e.g. "app token". */
  variant?(input: z.output<S>): string;
  schema: S;
  fields: readonly KindField[];
  /** CLI examples: the words after `agora-token-desk token <id>`. */
  examples: readonly string[];
  /** Its `tokenType` on POST /getToken, when it has one. */
  httpTokenType?: string;
  /** POST /getToken's fields as this kind's input (kinds added after the Go service's three). */
  fromHttpBody?(body: HttpTokenFields): unknown;
  /**
   * What `schema` returns for a plainly valid input, found without running the schema;
   * undefined for anything else, which `schema` then parses and reports with its message.
   * Only for kinds the server builds on every request, where the schema's run is a
   * measurable share of the request (docs/benchmark.md). Tests compare it with `schema`.
   */
  accept?(input: unknown): z.output<S> | undefined;
  /** The POST /getToken call for this input (for the equivalent curl command). */
  httpCall(input: z.output<S>): HttpCall;
  /** Builds over agora-token's classes; the input was parsed with `schema`. */
  build(kit: AgoraKit, credentials: Credentials, input: z.output<S>, options: BuildOptions): Generated;
}

/** A kind with its input type erased, as the registry holds it. */
export interface TokenKind {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly formDescription: string;
  /** `input` must be the output of `schema`. */
  variant?(input: unknown): string;
  readonly schema: z.ZodMiniType;
  readonly fields: readonly KindField[];
  readonly examples: readonly string[];
  readonly httpTokenType?: string;
  fromHttpBody?(body: HttpTokenFields): unknown;
  /** `schema`'s output for a plainly valid input, else undefined (see TokenKindSpec). */
  accept?(input: unknown): unknown;
  /** `input` must be the output of `schema`. */
  httpCall(input: unknown): HttpCall;
  /** `input` must be the output of `schema`. */
  build(kit: AgoraKit, credentials: Credentials, input: unknown, options: BuildOptions): Generated;
}

/** Declares a kind with its input typed by its schema, erased for the registry (its id kept). */
export function defineKind<const Id extends string, S extends z.ZodMiniType>(
  spec: TokenKindSpec<S> & { id: Id },
): TokenKind & { readonly id: Id } {
  return spec as unknown as TokenKind & { readonly id: Id };
}
