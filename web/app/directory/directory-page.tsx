import { Monogram } from '../components/monogram';
import { SiteFooter } from '../components/site-footer';
import { SiteHeader } from '../components/site-header';
import { MAIN_ID } from '../components/skip-link';
import { useTranslation } from '../i18n/use-translation';
import type { DirectoryAgency, DirectoryData } from './directory-data';

function AgencyCard({ agency }: { agency: DirectoryAgency }) {
  const { t } = useTranslation();
  return (
    <li>
      <a className="agency-card" href={`/t/${agency.slug}/`}>
        <Monogram {...agency.monogram} />
        <span>
          <span className="agency-name">{agency.name}</span>
          <span className="agency-kind">{t(`tenantKind.${agency.kind}`)}</span>
        </span>
      </a>
    </li>
  );
}

export function DirectoryPage({ provinces }: DirectoryData) {
  const { t } = useTranslation();
  return (
    <>
      <SiteHeader />
      <main id={MAIN_ID} tabIndex={-1} className="container directory" data-page="directory">
        <div className="intro">
          <h1>{t('site.name')}</h1>
          <p className="lead">{t('site.tagline')}</p>
          <p>{t('directory.intro')}</p>
        </div>
        {provinces.length === 0 ? <p>{t('directory.empty')}</p> : null}
        {provinces.map((province) => (
          <section key={province.slug} className="province" aria-labelledby={`provinsi-${province.slug}`} id={province.slug}>
            <h2 id={`provinsi-${province.slug}`}>{province.name}</h2>
            <p className="muted">{t('directory.secretariat', { secretariat: province.secretariat })}</p>
            <ul className="agency-list">
              {province.agencies.map((agency) => (
                <AgencyCard key={agency.slug} agency={agency} />
              ))}
            </ul>
          </section>
        ))}
      </main>
      <SiteFooter>
        <p>{t('site.footer')}</p>
        <p className="staff-link">
          <a href="/konsol/sekretariat">{t('console.secretariatLink')}</a>
        </p>
      </SiteFooter>
    </>
  );
}
