import type { PageErrorReason } from '../page-error';
import { useTranslation } from '../i18n/use-translation';
import type { MessageKey } from '../i18n/translate';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import { MAIN_ID } from './skip-link';

export type ErrorKind = PageErrorReason | 'UNEXPECTED';

const TEXT: Record<ErrorKind, { title: MessageKey; body: MessageKey }> = {
  TENANT_NOT_FOUND: { title: 'error.tenantNotFound.title', body: 'error.tenantNotFound.body' },
  PAGE_NOT_FOUND: { title: 'error.pageNotFound.title', body: 'error.pageNotFound.body' },
  FORBIDDEN: { title: 'error.forbidden.title', body: 'error.forbidden.body' },
  SERVICE_UNAVAILABLE: { title: 'error.unavailable.title', body: 'error.unavailable.body' },
  UNEXPECTED: { title: 'error.unexpected.title', body: 'error.unexpected.body' },
};

export function findErrorText(kind: ErrorKind): { title: MessageKey; body: MessageKey } {
  return TEXT[kind];
}

/** A friendly page for every failure; never a stack trace. */
export function ErrorPage({ kind, status }: { kind: ErrorKind; status: number }) {
  const { t } = useTranslation();
  const text = TEXT[kind];
  return (
    <>
      <SiteHeader />
      <main id={MAIN_ID} tabIndex={-1} className="container error-page" data-error={kind}>
        <h1>{t(text.title)}</h1>
        <p>{t(text.body)}</p>
        <p>
          <a href="/">{t('error.toDirectory')}</a>
        </p>
        <p className="muted">{t('error.code', { status })}</p>
      </main>
      <SiteFooter />
    </>
  );
}
