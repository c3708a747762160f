import { data } from '@remix-run/node';
import { PAGE_ERROR_STATUS, type PageErrorData, type PageErrorReason } from '../page-error';
import { ApiError } from './api-client.server';

const RETRY_AFTER_SECONDS = 30;

/** A response the root ErrorBoundary renders as a friendly page with the right status. */
export function createPageError(reason: PageErrorReason) {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (reason === 'SERVICE_UNAVAILABLE') headers['Retry-After'] = String(RETRY_AFTER_SECONDS);
  return data<PageErrorData>({ reason }, { status: PAGE_ERROR_STATUS[reason], headers });
}

/**
 * Turns a failed API call into the page to show: an unknown agency is a 404, anything
 * else the API could not do is a 503. Other errors (bugs) go on to the 500 page.
 */
export function toPageError(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  if (error.code === 'TENANT_NOT_FOUND') return createPageError('TENANT_NOT_FOUND');
  console.warn(`[web] API unavailable: ${error.message}`);
  return createPageError('SERVICE_UNAVAILABLE');
}
