/** Why an evidence file was not taken, and how to say it next to the file input. */
import type { Locale } from '../i18n/locale';
import type { Translate } from '../i18n/translate';
import { formatBytes } from './formats';

export type UploadProblem = 'TOO_MANY' | 'TOO_LARGE' | 'TYPE_NOT_ALLOWED' | 'CONTENT_REFUSED' | 'EMPTY' | 'EXPIRED' | 'RATE_LIMITED' | 'FAILED';

/** The upload endpoint's HTTP status → the problem. */
export function findUploadProblem(status: number): UploadProblem {
  switch (status) {
    case 413:
      return 'TOO_LARGE';
    case 415:
      return 'TYPE_NOT_ALLOWED';
    // The API could not clean the file (macros, PDF scripts, an archive too large, HEIC).
    case 422:
      return 'CONTENT_REFUSED';
    case 400:
      return 'EMPTY';
    case 404:
    case 409:
      return 'EXPIRED';
    case 429:
      return 'RATE_LIMITED';
    default:
      return 'FAILED';
  }
}

export function describeUploadProblem(
  problem: UploadProblem,
  details: { fileName: string; maxFiles: number; maxFileBytes: number; retryAfter?: string },
  t: Translate,
  locale: Locale,
): string {
  const fileName = details.fileName;
  switch (problem) {
    case 'TOO_MANY':
      return t('upload.tooMany', { max: details.maxFiles });
    case 'TOO_LARGE':
      return t('upload.tooLarge', { fileName, size: formatBytes(details.maxFileBytes, locale) });
    case 'TYPE_NOT_ALLOWED':
      return t('upload.typeNotAllowed', { fileName });
    case 'CONTENT_REFUSED':
      return t('upload.contentRefused', { fileName });
    case 'EMPTY':
      return t('upload.empty', { fileName });
    case 'EXPIRED':
      return t('upload.expired', { fileName });
    case 'RATE_LIMITED':
      return t('problem.rateLimited', { wait: details.retryAfter ?? t('problem.minutes', { count: 60 }) });
    case 'FAILED':
      return t('upload.error', { fileName });
  }
}
