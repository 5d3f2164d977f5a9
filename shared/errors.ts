/**
 * Every failure the user can cause or meet carries a stable machine code and one
 * human sentence. The CLI, IPC handlers and HTTP server all render `message` as is,
 * so the same mistake reads the same everywhere.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'invalid_token'
  | 'missing_credentials'
  | 'keychain_unavailable'
  | 'profile_not_found'
  | 'profile_exists'
  | 'profile_store_corrupt'
  | 'data_folder_unusable'
  | 'port_in_use'
  | 'server_error'
  | 'internal';

export class TokenDeskError extends Error {
  readonly code: ErrorCode;
  /** The input field the message is about, when there is one (for inline form errors). */
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'TokenDeskError';
    this.code = code;
    this.field = field;
  }
}

/** Plain-data form of an error, safe to send over IPC or HTTP. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  field?: string;
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof TokenDeskError) {
    return error.field === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, field: error.field };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export function isTokenDeskError(error: unknown): error is TokenDeskError {
  return error instanceof TokenDeskError;
}
