import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/use-translation';

export function SiteFooter({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container">{children ?? <p>{t('site.footer')}</p>}</div>
    </footer>
  );
}
