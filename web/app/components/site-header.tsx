import { useTranslation } from '../i18n/use-translation';
import { LanguageSwitch } from './language-switch';
import { SkipLink } from './skip-link';

/** The platform's own header: directory and error pages. */
export function SiteHeader() {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <SkipLink />
      <div className="container bar">
        <a className="brand" href="/">
          {t('site.name')}
        </a>
        <LanguageSwitch />
      </div>
    </header>
  );
}
