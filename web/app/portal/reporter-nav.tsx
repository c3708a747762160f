import { useLocation } from '@remix-run/react';
import type { ReporterAccount } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';

/**
 * The reporter's ways in, on every page of an agency: file, track, and the pseudonym
 * account (sign in / register, or the pseudonym and sign out). Plain links and one small
 * form: no script needed.
 */
export function ReporterNav({ slug, viewer }: { slug: string; viewer: ReporterAccount | null }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const base = `/t/${slug}`;
  const current = (href: string) => (pathname === href || pathname.startsWith(`${href}/`) ? 'page' : undefined);
  return (
    <nav className="reporter-nav print-hidden" aria-label={t('reporterNav.label')}>
      <div className="container">
        <ul>
          <li>
            <a href={`${base}/lapor`} aria-current={current(`${base}/lapor`)}>
              {t('reporterNav.report')}
            </a>
          </li>
          <li>
            <a href={`${base}/lacak`} aria-current={current(`${base}/lacak`)}>
              {t('reporterNav.track')}
            </a>
          </li>
          <li>
            <a href={`${base}/statistik`} aria-current={current(`${base}/statistik`)}>
              {t('statistics.link')}
            </a>
          </li>
        </ul>
        <div className="account">
          <span className="account-label">{t('reporterNav.account')}:</span>
          {viewer ? (
            <>
              <a
                href={`${base}/akun/laporan`}
                aria-current={current(`${base}/akun/laporan`)}
                title={t('reporterNav.signedInAs', { pseudonym: viewer.pseudonym })}
              >
                {viewer.pseudonym}
              </a>
              <form method="post" action={`${base}/akun/keluar`}>
                <button type="submit" className="link-button">
                  {t('reporterNav.signOut')}
                </button>
              </form>
            </>
          ) : (
            <>
              <a href={`${base}/akun/masuk`} aria-current={current(`${base}/akun/masuk`)}>
                {t('reporterNav.signIn')}
              </a>
              <a href={`${base}/akun/daftar`} aria-current={current(`${base}/akun/daftar`)}>
                {t('reporterNav.register')}
              </a>
            </>
          )}
        </div>
      </div>
    </nav>
  );
}
