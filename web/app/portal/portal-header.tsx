import { LanguageSwitch } from '../components/language-switch';
import { Monogram } from '../components/monogram';
import { SkipLink } from '../components/skip-link';
import type { PortalTenant, ReporterAccount } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { ReporterNav } from './reporter-nav';

export type HeaderTenant = Pick<PortalTenant, 'slug' | 'name' | 'shortName' | 'parent'> & {
  description?: string | null;
  theme: Pick<PortalTenant['theme'], 'logoText' | 'tagline'>;
};

/**
 * The agency's banner in its own colours (CSS variables on the root element), with the
 * reporter's navigation. On the portal the agency's name is the page heading; on the
 * reporter's pages (`compact`) it links back to the portal and the page has its own.
 */
export function PortalHeader({
  tenant,
  directoryHref,
  viewer = null,
  compact = false,
}: {
  tenant: HeaderTenant;
  directoryHref: string | null;
  viewer?: ReporterAccount | null;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <header className={compact ? 'portal-header compact print-hidden' : 'portal-header'}>
      <SkipLink />
      <div className="container bar">
        {directoryHref ? (
          <a className="brand" href={directoryHref}>
            {t('site.name')}
          </a>
        ) : (
          <span className="brand">{tenant.shortName}</span>
        )}
        <LanguageSwitch />
      </div>
      <div className="container identity">
        <Monogram text={tenant.theme.logoText} />
        <div>
          {tenant.parent ? <p className="parent">{tenant.parent}</p> : null}
          {compact ? (
            <p className="agency-title">
              <a href={`/t/${tenant.slug}/`}>{tenant.name}</a>
            </p>
          ) : (
            <h1>{tenant.name}</h1>
          )}
          {tenant.theme.tagline && !compact ? <p className="tagline">{tenant.theme.tagline}</p> : null}
        </div>
      </div>
      {tenant.description && !compact ? (
        <div className="container">
          <p className="description">{tenant.description}</p>
        </div>
      ) : null}
      <ReporterNav slug={tenant.slug} viewer={viewer} />
    </header>
  );
}
