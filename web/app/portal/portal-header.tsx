import { LanguageSwitch } from '../components/language-switch';
import { Monogram } from '../components/monogram';
import { SkipLink } from '../components/skip-link';
import type { PortalTenant } from '../graphql/types';
import { useTranslation } from '../i18n/use-translation';

/** The agency's banner in its own colours (CSS variables on the root element). */
export function PortalHeader({ tenant, directoryHref }: { tenant: PortalTenant; directoryHref: string | null }) {
  const { t } = useTranslation();
  return (
    <header className="portal-header">
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
          <h1>{tenant.name}</h1>
          {tenant.theme.tagline ? <p className="tagline">{tenant.theme.tagline}</p> : null}
        </div>
      </div>
      {tenant.description ? (
        <div className="container">
          <p className="description">{tenant.description}</p>
        </div>
      ) : null}
    </header>
  );
}
