/**
 * The one error type of the API. `formatError` in `graphql/format-error.ts` maps it to
 * `extensions.code`; anything else is masked as INTERNAL.
 */
export type AppErrorCode =
  /** The request needs a signed-in viewer and has none. */
  | 'UNAUTHENTICATED'
  /** The viewer is known but may not do this; records they may not see are NOT_FOUND instead. */
  | 'FORBIDDEN'
  /** The record does not exist, or the viewer may not know that it exists. */
  | 'NOT_FOUND'
  /** The input is malformed or breaks a rule; `details.issues` lists the fields. */
  | 'BAD_USER_INPUT'
  /** The request conflicts with the current state (a duplicate, a stale version). */
  | 'CONFLICT'
  /** A case lifecycle transition that is not allowed from the current state. */
  | 'INVALID_TRANSITION'
  /** No tenant matches the host name or the `/t/<slug>` prefix of the request. */
  | 'TENANT_NOT_FOUND'
  /** Too many requests from this client; retry later. */
  | 'RATE_LIMITED'
  /** The database or another dependency is unreachable; retry later. */
  | 'SERVICE_UNAVAILABLE'
  /** An unexpected failure; the log holds the details under the request id. */
  | 'INTERNAL';

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
