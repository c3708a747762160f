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
  /**
   * The request conflicts with the current state (a duplicate, a stale version). Where a
   * client must tell conflicts apart, `details.reason` names it (see ConflictReason).
   */
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

/** The stable `details.reason` of a CONFLICT. */
export type ConflictReason =
  /**
   * A new staff account's email already has an account somewhere on the platform (emails
   * are unique across agencies). Says nothing of where.
   */
  'EMAIL_TAKEN';

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

/**
 * True when a write failed on a unique constraint: Prisma's P2002, or PostgreSQL's 23505
 * as the driver adapters pass it through (PGlite's arrives as the cause of a DriverAdapterError).
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (code === 'P2002' || code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** BAD_USER_INPUT naming the fields to fix, with a summary in the viewer's language. */
export function inputError(issues: { path: (string | number)[]; message: string }[], locale: 'id' | 'en'): AppError {
  return new AppError('BAD_USER_INPUT', locale === 'en' ? 'Some fields need your attention.' : 'Beberapa isian perlu diperbaiki.', { issues });
}
