import type { HeadersFunction } from '@remix-run/node';

/**
 * Reporter pages carry what a reporter typed, a session's pseudonym, or a receipt with a
 * tracking code: no cache may keep them, not even the browser's back-forward copy on disk.
 */
export const reporterPageHeaders: HeadersFunction = ({ errorHeaders }) => {
  const headers = new Headers(errorHeaders ?? undefined);
  headers.set('Cache-Control', 'no-store');
  return headers;
};
