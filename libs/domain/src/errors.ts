/**
 * Errors that carry a stable code. The HTTP edge maps `kind` to a status and returns
 * `{ error: { code, message, details } }`; activities rethrow them as non-retryable failures.
 */
/**
 * `too_large` and `unsupported`: a body refused for its size or its content type (413, 415);
 * `rate_limited`: too many requests, with `details.retryAfterSeconds` (429).
 */
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'unsupported' | 'rate_limited' | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, message: string, details?: unknown) =>
  new DomainError('invalid', code, message, details);
export const notFound = (code: string, message: string) => new DomainError('not_found', code, message);
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message);
