/**
 * An error that is the client's fault and has its own HTTP status (401, 403, 429 …).
 * `describeError` answers it with its status and message; nothing else is added.
 */
export class HttpStatusError extends Error {
  readonly statusCode: number;
  readonly headers: Record<string, string>;

  constructor(statusCode: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpStatusError';
    this.statusCode = statusCode;
    this.headers = headers;
  }
}
