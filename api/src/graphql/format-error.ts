/**
 * The one place errors become GraphQL responses. AppError keeps its code; zod issues
 * become `extensions.issues`; an unreachable database is SERVICE_UNAVAILABLE; Apollo's
 * own request errors (bad syntax, validation) keep their codes; anything else is masked
 * as INTERNAL with the request id, and its stack goes to the log only.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ZodError } from 'zod';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';

const DATABASE_DOWN_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', '57P01', '57P03', '08001', '08006', '53300']);

/** True when the error (or one of its causes) says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown; message?: unknown; errors?: unknown[] };
    if (typeof candidate.code === 'string' && DATABASE_DOWN_CODES.has(candidate.code)) return true;
    if (typeof candidate.message === 'string' && /ECONNREFUSED|Connection terminated|DatabaseNotReachable|Can't reach database/i.test(candidate.message)) return true;
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
    // Errors Apollo raised itself about the request (syntax, validation, bad variables) are safe to show.
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && !(raw instanceof GraphQLError && raw.originalError && !(raw.originalError instanceof GraphQLError))) {
      return { message: formatted.message, locations: formatted.locations, path, extensions: { code } };
    }
    logger.error({ err: error, path, requestId }, 'unexpected error');
    return {
      message: 'An unexpected error occurred.',
      path,
      extensions: { code: 'INTERNAL' },
    };
  };
}
