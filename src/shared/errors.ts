/**
 * Stable error codes, each mapped to one HTTP status by the HTTP layer (src/http/errors.ts).
 * Domain code throws DomainError with a code and a message a person can act on; it never
 * knows about HTTP.
 */
export type ErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'invalid_credentials'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_failed'
  | 'conflict'
  | 'rate_limited'
  | 'unsupported_media_type'
  | 'import_bad_file'
  | 'import_bad_header'
  | 'import_unknown_kind';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode | (string & {}),
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
