/**
 * The one place errors become GraphQL responses. AppError keeps its code; zod issues
 * become `extensions.issues`; an unreachable database is SERVICE_UNAVAILABLE; Apollo's
 * own request errors (bad syntax, validation) keep their codes; a value the database refused
 * as malformed (a safety net behind `input-guard.ts`) is BAD_USER_INPUT, logged at warn
 * without the value; anything else is masked as INTERNAL with the request id, and its stack
 * goes to the log only.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ZodError } from 'zod';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';

const DATABASE_DOWN_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', '57P01', '57P03', '08001', '08006', '53300']);

/**
 * Database refusals of a malformed value: PostgreSQL's invalid text representation (a non-UUID
 * as uuid), a character the encoding cannot hold (NUL), out-of-range numbers and dates, too-long
 * strings; Prisma's own checks of the same (P2000 too long, P2006/P2007 invalid value, P2023
 * inconsistent column data, e.g. a malformed UUID).
 */
const INVALID_INPUT_CODES = new Set(['22P02', '22021', '22P05', '22001', '22003', '22007', '22008', 'P2000', 'P2006', 'P2007', 'P2023']);

/** The database's code when the error (or one of its causes) is a refusal of a malformed value. */
export function findInvalidInputCode(error: unknown): string | null {
  const seen = new Set<unknown>();
  const walk = (current: unknown, depth: number): string | null => {
    if (!current || typeof current !== 'object' || depth > 8 || seen.has(current)) return null;
    seen.add(current);
    const candidate = current as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: unknown; driverAdapterError?: unknown; errors?: unknown };
    for (const code of [candidate.code, candidate.originalCode]) {
      if (typeof code === 'string' && INVALID_INPUT_CODES.has(code)) return code;
    }
    for (const inner of [candidate.cause, candidate.meta, candidate.driverAdapterError, ...(Array.isArray(candidate.errors) ? candidate.errors : [])]) {
      const found = walk(inner, depth + 1);
      if (found) return found;
    }
    return null;
  };
  return walk(error, 0);
}

/** True when the error (or one of its causes) says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown; message?: unknown; errors?: unknown[] };
    if (typeof candidate.code === 'string' && DATABASE_DOWN_CODES.has(candidate.code)) return true;
    if (typeof candidate.message === 'string' && /ECONNREFUSED|Connection terminated|DatabaseNotReachable|Can't reach database/i.test(candidate.message))
      return true;
    if (Array.isArray(candidate.errors) && candidate.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = candidate.cause;
  }
  return false;
}

export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const error = unwrapResolverError(raw);
    const path = formatted.path;
    if (error instanceof AppError) {
      return { message: error.message, path, extensions: { code: error.code, ...(error.details ?? {}) } };
    }
    if (error instanceof ZodError) {
      return {
        message: 'The input is not valid.',
        path,
        extensions: {
          code: 'BAD_USER_INPUT',
          issues: error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
        },
      };
    }
    const requestId = (raw as GraphQLError)?.extensions?.requestId ?? undefined;
    if (isDatabaseUnavailable(error)) {
      logger.error({ err: error, path }, 'database unavailable');
      return {
        message: 'The service is temporarily unavailable. Please try again shortly.',
        path,
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      };
    }
    const invalidInput = findInvalidInputCode(error);
    if (invalidInput) {
      // The client's mistake, not ours: no stack, and not the value (it may be case content).
      logger.warn({ databaseCode: invalidInput, path, requestId }, 'database refused a malformed value');
      return {
        message: 'The input is not valid.',
        path,
        extensions: {
          code: 'BAD_USER_INPUT',
          issues: path ? [{ path: path.filter((part) => typeof part === 'string'), message: 'The input is not valid.' }] : [],
        },
      };
    }
    // Errors Apollo raised itself about the request (syntax, validation, bad variables, the input
    // guard) are safe to show.
    const code = formatted.extensions?.code;
    if (
      typeof code === 'string' &&
      code !== 'INTERNAL_SERVER_ERROR' &&
      !(raw instanceof GraphQLError && raw.originalError && !(raw.originalError instanceof GraphQLError))
    ) {
      const issues = formatted.extensions?.issues;
      return { message: formatted.message, locations: formatted.locations, path, extensions: { code, ...(Array.isArray(issues) ? { issues } : {}) } };
    }
    logger.error({ err: error, path, requestId }, 'unexpected error');
    return {
      message: 'An unexpected error occurred.',
      path,
      extensions: { code: 'INTERNAL' },
    };
  };
}
