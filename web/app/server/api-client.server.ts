/**
 * The one way the web server talks to the API: GraphQL over HTTP, from loaders and actions.
 * Every failure becomes an ApiError with the API's `extensions.code` (and, for input
 * errors, its `issues`), or SERVICE_UNAVAILABLE when the API could not be reached or
 * answered nonsense.
 */
import { randomUUID } from 'node:crypto';
import { env } from '../env.server';
import type { Document } from '../graphql/documents.server';
import type { Locale } from '../i18n/locale';

export type ApiErrorCode =
  | 'TENANT_NOT_FOUND'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'CONFLICT'
  | (string & {});

/** One input problem, already in the reporter's language; `path` names the field. */
export interface ApiIssue {
  path: (string | number)[];
  message: string;
}

export class ApiError extends Error {
  /** Input problems of a BAD_USER_INPUT answer; empty otherwise. */
  readonly issues: ApiIssue[];
  /** How long to wait after RATE_LIMITED, when the API said. */
  readonly retryAfterSeconds: number | null;
  /** The first registration number of a report sent twice (CONFLICT of submitReport). */
  readonly registrationNumber: string | null;
  /** The API's own message for this code, already in the request's language (not for logs). */
  readonly apiMessage: string | null;
  /** Why a CONFLICT was refused, when the API names it (e.g. LAST_ACTOR). */
  readonly reason: string | null;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    options?: {
      cause?: unknown;
      issues?: ApiIssue[];
      retryAfterSeconds?: number | null;
      registrationNumber?: string | null;
      apiMessage?: string | null;
      reason?: string | null;
    },
  ) {
    super(message, options);
    this.name = 'ApiError';
    this.issues = options?.issues ?? [];
    this.retryAfterSeconds = options?.retryAfterSeconds ?? null;
    this.registrationNumber = options?.registrationNumber ?? null;
    this.apiMessage = options?.apiMessage ?? null;
    this.reason = options?.reason ?? null;
  }
}

/** Which agency a request is addressed to, if any. */
export type ApiTarget = { platform: true } | { slug: string } | { host: string };

export interface ApiRequest<Result, Variables> {
  document: Document<Result, Variables>;
  target: ApiTarget;
  locale: Locale;
  variables?: Variables;
  /** A pseudonymous reporter's session, sent as `Authorization: Bearer`. */
  token?: string | null;
  /** The browser's address: the API's rate limits count per person, not per web server. */
  clientIp?: string | null;
  /** The browser request's signal: an abandoned page stops its API calls. */
  signal?: AbortSignal;
}

interface GraphQLErrorBody {
  message?: string;
  extensions?: { code?: unknown; issues?: unknown; retryAfterSeconds?: unknown; registrationNumber?: unknown; reason?: unknown };
}

interface GraphQLResponse<Result> {
  data?: Result | null;
  errors?: GraphQLErrorBody[];
}

/** An API call slower than this is logged: pages wait for it. */
const SLOW_CALL_MS = 2000;

function endpointFor(target: ApiTarget): string {
  const base = env.API_URL.replace(/\/+$/, '');
  return 'slug' in target ? `${base}/t/${encodeURIComponent(target.slug)}/graphql` : `${base}/graphql`;
}

/** Headers every call to the API carries: language, and who is asking. */
export function createApiHeaders(options: { locale: Locale; token?: string | null; clientIp?: string | null }): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': options.locale };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.clientIp) headers['X-Forwarded-For'] = options.clientIp;
  return headers;
}

function isIssue(value: unknown): value is ApiIssue {
  if (typeof value !== 'object' || value === null) return false;
  const issue = value as { path?: unknown; message?: unknown };
  return Array.isArray(issue.path) && typeof issue.message === 'string';
}

function toApiError(errors: GraphQLErrorBody[], operationName: string): ApiError {
  const codes = errors.map((error) => (typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL'));
  // A missing tenant explains every other error of the same request.
  const code = codes.includes('TENANT_NOT_FOUND') ? 'TENANT_NOT_FOUND' : codes[0]!;
  const issues = errors.flatMap((error) => (Array.isArray(error.extensions?.issues) ? error.extensions.issues.filter(isIssue) : []));
  const retry = errors.map((error) => error.extensions?.retryAfterSeconds).find((value): value is number => typeof value === 'number');
  const registrationNumber = errors.map((error) => error.extensions?.registrationNumber).find((value): value is string => typeof value === 'string');
  const reason = errors.map((error) => error.extensions?.reason).find((value): value is string => typeof value === 'string');
  const apiMessage = errors.find((error, index) => codes[index] === code && typeof error.message === 'string')?.message;
  return new ApiError(code, `The API answered ${operationName} with ${code}.`, {
    issues,
    retryAfterSeconds: retry ?? null,
    registrationNumber: registrationNumber ?? null,
    apiMessage: apiMessage ?? null,
    reason: reason ?? null,
  });
}

export async function requestApi<Result, Variables = undefined>({
  document,
  target,
  locale,
  variables,
  token,
  clientIp,
  signal,
}: ApiRequest<Result, Variables>): Promise<Result> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
    ...createApiHeaders({ locale, token, clientIp }),
  };
  if ('host' in target) headers['X-Forwarded-Host'] = target.host;
  // The API logs the same id with its own time for the request: a slow page's two halves meet.
  const requestId = randomUUID();
  headers['X-Request-Id'] = requestId;

  const timeout = AbortSignal.timeout(env.API_TIMEOUT_MS);
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(endpointFor(target), {
      method: 'POST',
      headers,
      body: JSON.stringify({ operationName: document.operationName, query: document.source, variables }),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    const waited = Math.round(performance.now() - started);
    throw new ApiError('SERVICE_UNAVAILABLE', `The API could not be reached for ${document.operationName} (request ${requestId}, after ${waited} ms).`, {
      cause,
    });
  }
  const waited = Math.round(performance.now() - started);
  if (waited >= SLOW_CALL_MS) console.warn(`[web] slow API call: ${document.operationName} answered in ${waited} ms (request ${requestId})`);

  let body: GraphQLResponse<Result>;
  try {
    body = (await response.json()) as GraphQLResponse<Result>;
  } catch (cause) {
    throw new ApiError('SERVICE_UNAVAILABLE', `The API answered HTTP ${response.status} without a GraphQL body.`, { cause });
  }

  if (body.errors && body.errors.length > 0) throw toApiError(body.errors, document.operationName);
  if (!body.data) throw new ApiError('SERVICE_UNAVAILABLE', `The API answered ${document.operationName} without data.`);
  return body.data;
}
