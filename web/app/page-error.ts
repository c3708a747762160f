/** Why a page could not be shown: thrown by loaders and actions, rendered by the root ErrorBoundary. */
export const PAGE_ERROR_STATUS = {
  TENANT_NOT_FOUND: 404,
  PAGE_NOT_FOUND: 404,
  /** A form was posted from another site (the Origin or Referer names another host). */
  FORBIDDEN: 403,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type PageErrorReason = keyof typeof PAGE_ERROR_STATUS;

export interface PageErrorData {
  reason: PageErrorReason;
}

export function isPageErrorData(value: unknown): value is PageErrorData {
  return typeof value === 'object' && value !== null && 'reason' in value && typeof value.reason === 'string' && value.reason in PAGE_ERROR_STATUS;
}
