import { SiteFooter } from '../components/site-footer';
import { MAIN_ID } from '../components/skip-link';
import { useTranslation } from '../i18n/use-translation';
import type { PortalData } from './portal-data';
import { PortalHeader } from './portal-header';
import { PORTAL_SECTIONS } from './portal-sections';
import { CaseTypesSection } from './sections/case-types-section';
import { ChannelsSection } from './sections/channels-section';
import { ContactSection } from './sections/contact-section';
import { FaqSection } from './sections/faq-section';
import { ServiceStandardsSection } from './sections/service-standards-section';

/** An agency's whole public portal: one page, sections reached through the in-page navigation. */
export function PortalPage({ tenant, directoryHref, viewer = null }: PortalData) {
  const { t } = useTranslation();
  const caseTypeNames = new Map(tenant.caseTypes.map((caseType) => [caseType.key, caseType.name]));
  return (
    <>
      <PortalHeader tenant={tenant} directoryHref={directoryHref} viewer={viewer} />
      <nav className="page-nav" aria-label={t('portal.nav')}>
        <ul className="container">
          {PORTAL_SECTIONS.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{t(section.title)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main id={MAIN_ID} tabIndex={-1} className="container portal" data-tenant={tenant.slug}>
        <CaseTypesSection caseTypes={tenant.caseTypes} slug={tenant.slug} />
        <ServiceStandardsSection serviceStandards={tenant.serviceStandards} caseTypeNames={caseTypeNames} />
        <ChannelsSection channels={tenant.channels} caseTypeNames={caseTypeNames} />
        <FaqSection faqs={tenant.faqs} />
        <ContactSection tenant={tenant} />
      </main>
      <SiteFooter>
        <p>{`${tenant.name} · ${tenant.province.name}`}</p>
        <p>{directoryHref ? <a href={directoryHref}>{t('portal.poweredBy')}</a> : t('portal.poweredBy')}</p>
        <p className="staff-link">
          <a href={`/t/${tenant.slug}/konsol`}>{t('console.footerLink')}</a>
        </p>
      </SiteFooter>
    </>
  );
}
