/**
 * The one way the web server talks to the API: GraphQL over HTTP, from loaders only.
 * Every failure becomes an ApiError with the API's `extensions.code`, or
 * SERVICE_UNAVAILABLE when the API could not be reached or answered nonsense.
 */
import { env } from '../env.server';
import type { Document } from '../graphql/documents.server';
import type { Locale } from '../i18n/locale';

export type ApiErrorCode = 'TENANT_NOT_FOUND' | 'SERVICE_UNAVAILABLE' | 'INTERNAL' | (string & {});

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ApiError';
  }
}

/** Which agency a request is addressed to, if any. */
export type ApiTarget = { platform: true } | { slug: string } | { host: string };

export interface ApiRequest<Result> {
  document: Document<Result>;
  target: ApiTarget;
  locale: Locale;
  /** The browser request's signal: an abandoned page stops its API calls. */
  signal?: AbortSignal;
}

interface GraphQLResponse<Result> {
  data?: Result | null;
  errors?: { message?: string; extensions?: { code?: unknown } }[];
}

function endpointFor(target: ApiTarget): string {
  const base = env.API_URL.replace(/\/+$/, '');
  return 'slug' in target ? `${base}/t/${encodeURIComponent(target.slug)}/graphql` : `${base}/graphql`;
}

export async function requestApi<Result>({ document, target, locale, signal }: ApiRequest<Result>): Promise<Result> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
    'Accept-Language': locale,
  };
  if ('host' in target) headers['X-Forwarded-Host'] = target.host;

  const timeout = AbortSignal.timeout(env.API_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(endpointFor(target), {
      method: 'POST',
      headers,
      body: JSON.stringify({ operationName: document.operationName, query: document.source }),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError('SERVICE_UNAVAILABLE', 'The API could not be reached.', { cause });
  }

  let body: GraphQLResponse<Result>;
  try {
    body = (await response.json()) as GraphQLResponse<Result>;
  } catch (cause) {
    throw new ApiError('SERVICE_UNAVAILABLE', `The API answered HTTP ${response.status} without a GraphQL body.`, { cause });
  }

  const codes = (body.errors ?? []).map((error) => (typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL'));
  if (codes.length > 0) {
    // A missing tenant explains every other error of the same request.
    const code = codes.includes('TENANT_NOT_FOUND') ? 'TENANT_NOT_FOUND' : codes[0]!;
    throw new ApiError(code, `The API answered ${document.operationName} with ${code}.`);
  }
  if (!body.data) throw new ApiError('SERVICE_UNAVAILABLE', `The API answered ${document.operationName} without data.`);
  return body.data;
}
