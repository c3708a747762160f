import { useTranslation } from '../i18n/use-translation';

export const MAIN_ID = 'main';

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href={`#${MAIN_ID}`}>
      {t('site.skipToContent')}
    </a>
  );
}
