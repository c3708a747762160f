import type { ReactNode } from 'react';
import { LanguageSwitch } from '../components/language-switch';
import { Monogram } from '../components/monogram';
import { MAIN_ID, SkipLink } from '../components/skip-link';
import type { StaffViewer } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { findConsoleLanding, findConsolePages } from './console-access';
import type { ConsoleFrame } from './console-frame';
import {
  consoleAuditPath,
  consoleFiguresPath,
  consoleMailPath,
  consoleCustodianPath,
  consoleDecisionsPath,
  consoleInboxPath,
  consoleIntakePath,
  consoleNotificationsPath,
  consoleReportsPath,
  consoleSignOutPath,
  consoleStaffPath,
} from './console-paths';

/** The header's notifications link: the unread count in words ("3 baru"), never a bare number. */
function NotificationsLabel({ unread }: { unread: number }) {
  const { t } = useTranslation();
  return (
    <>
      {t('console.notifications')}
      {unread > 0 ? (
        <>
          {' '}
          <span className="badge unread-count" data-unread={unread}>
            {unread > 99 ? t('console.unreadMany') : t('console.unread', { count: unread })}
          </span>
        </>
      ) : null}
    </>
  );
}

/**
 * The frame of every console page: the agency's banner in its colours (or the province's,
 * for the secretariat), the console's navigation with who is signed in and a sign-out
 * button (a POST form, so no script is needed), the page, the footer.
 */
export function ConsolePage({ frame, viewer, page, children }: { frame: ConsoleFrame; viewer: StaffViewer | null; page: string; children: ReactNode }) {
  const { t } = useTranslation();
  const inbox = consoleInboxPath(frame.scope);
  const consoleName = t(frame.scope.kind === 'agency' ? 'console.name' : 'console.secretariatName');
  const slug = frame.scope.kind === 'agency' ? frame.scope.slug : null;
  // Only the pages the viewer may use (console-access.ts); none before sign-in.
  const may = viewer ? findConsolePages(viewer, frame.scope) : null;
  const home = viewer ? findConsoleLanding(viewer, frame.scope) : inbox;
  const links: { href: string; label: ReactNode; page: string; show: boolean }[] = [
    { href: inbox, label: t('console.inbox'), page: 'console-inbox', show: Boolean(may?.inbox) },
    {
      href: consoleNotificationsPath(frame.scope),
      label: <NotificationsLabel unread={viewer?.unreadNotificationCount ?? 0} />,
      page: 'console-notifications',
      show: Boolean(may?.notifications),
    },
    { href: slug ? consoleIntakePath(slug) : '', label: t('console.record'), page: 'console-intake', show: Boolean(may?.intake) },
    {
      href: slug ? consoleCustodianPath(slug) : '',
      label: t('console.custodian'),
      page: 'console-custodian',
      show: Boolean(may?.custodian),
    },
    {
      href: slug ? consoleStaffPath(slug) : '',
      label: t('console.staff'),
      page: 'console-staff',
      show: Boolean(may?.staff),
    },
    {
      href: slug ? '' : consoleDecisionsPath(),
      label: t('console.decisions'),
      page: 'console-decisions',
      show: Boolean(may?.decisions),
    },
    { href: slug ? consoleMailPath(slug) : '', label: t('console.mail'), page: 'console-mail', show: Boolean(may?.mail) },
    { href: consoleFiguresPath(frame.scope), label: t('console.figures'), page: 'console-figures', show: Boolean(may?.figures) },
    { href: consoleReportsPath(frame.scope), label: t('console.reports'), page: 'console-reports', show: Boolean(may?.reports) },
    // The audit log: the head reads their agency's, the secretariat its province's.
    {
      href: consoleAuditPath(frame.scope),
      label: t('console.audit'),
      page: 'console-audit',
      show: Boolean(may?.audit),
    },
  ].filter((link) => link.show);
  return (
    <>
      <header className="portal-header compact console-header">
        <SkipLink />
        <div className="container wide bar">
          <a className="brand" href={viewer ? home : frame.portalHref}>
            {viewer ? `${consoleName} · ${frame.shortName}` : consoleName}
          </a>
          <LanguageSwitch />
        </div>
        {frame.title ? (
          <div className="container wide identity">
            <Monogram text={frame.logoText} />
            <div>
              {frame.parent && frame.parent !== frame.title ? <p className="parent">{frame.parent}</p> : null}
              <p className="agency-title">{frame.title}</p>
            </div>
          </div>
        ) : null}
        {viewer ? (
          <nav className="reporter-nav console-nav" aria-label={t('console.nav')}>
            <div className="container wide">
              <ul>
                {links.map((link) => (
                  <li key={link.page}>
                    <a href={link.href} aria-current={page === link.page ? 'page' : undefined} data-nav={link.page}>
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
              <div className="account">
                <span className="account-label" data-viewer={viewer.email}>
                  {t('console.signedInAs', { name: viewer.name })} ({viewer.roles.map((role) => t(`staffRole.${role}`)).join(', ')})
                </span>
                <form method="post" action={consoleSignOutPath(frame.scope)}>
                  <button type="submit" className="link-button">
                    {t('console.signOut')}
                  </button>
                </form>
              </div>
            </div>
          </nav>
        ) : null}
      </header>
      <main
        id={MAIN_ID}
        tabIndex={-1}
        className="container wide console"
        data-page={page}
        data-console={frame.scope.kind === 'agency' ? frame.scope.slug : 'sekretariat'}
      >
        {children}
      </main>
      <footer className="site-footer">
        <div className="container wide">
          <p>{frame.title || consoleName}</p>
          {frame.scope.kind === 'agency' ? (
            <p>
              <a href={frame.portalHref}>{t('console.toPortal', { name: frame.shortName })}</a>
            </p>
          ) : null}
        </div>
      </footer>
    </>
  );
}

/** "Kabar" of the last action, as a status message at the top of the page. */
export function FlashMessage({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p className="success" role="status" data-flash>
      {text}
    </p>
  );
}
