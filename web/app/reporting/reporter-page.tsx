import type { ReactNode } from 'react';
import { SiteFooter } from '../components/site-footer';
import { MAIN_ID } from '../components/skip-link';
import type { ReporterAccount, ReportingTenant } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { PortalHeader } from '../portal/portal-header';

/** The frame of every reporter page: the agency's banner and navigation, the page, the footer. */
export function ReporterPage({
  tenant,
  viewer,
  directoryHref,
  page,
  children,
}: {
  tenant: ReportingTenant;
  viewer: ReporterAccount | null;
  directoryHref: string | null;
  /** `data-page` hook for tests and styles. */
  page: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PortalHeader tenant={tenant} directoryHref={directoryHref} viewer={viewer} compact />
      <main id={MAIN_ID} tabIndex={-1} className="container reporter" data-tenant={tenant.slug} data-page={page}>
        {children}
      </main>
      <SiteFooter>
        <p>{tenant.name}</p>
        <p className="print-hidden">
          <a href={`/t/${tenant.slug}/`}>{t('reporterPage.toPortal', { name: tenant.shortName })}</a>
        </p>
      </SiteFooter>
    </>
  );
}
