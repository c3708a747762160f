/**
 * The console's page for a case the staff member may not open: excluded for a conflict of
 * interest, restricted to named handlers, another agency's, or no case at all. One page and
 * one text for every reason (the API answers NOT_FOUND for each), so it says nothing about
 * whether the case exists; it keeps the console's frame and language, and leads back to work.
 */
import type { StaffViewer } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { findConsoleLanding, findConsolePages } from './console-access';
import type { ConsoleFrame } from './console-frame';
import { ConsolePage } from './console-page';
import { consoleInboxPath } from './console-paths';

export function CaseUnavailable({ frame, viewer }: { frame: ConsoleFrame; viewer: StaffViewer }) {
  const { t } = useTranslation();
  const toInbox = findConsolePages(viewer, frame.scope).inbox;
  return (
    <ConsolePage frame={frame} viewer={viewer} page="console-case-unavailable">
      <h1>{t('caseUnavailable.title')}</h1>
      <p>{t('caseUnavailable.body')}</p>
      <p>{t('caseUnavailable.ask')}</p>
      <p>
        <a className="button" href={toInbox ? consoleInboxPath(frame.scope) : findConsoleLanding(viewer, frame.scope)} data-back-to-console>
          {t(toInbox ? 'caseUnavailable.toInbox' : 'caseUnavailable.toConsole')}
        </a>
      </p>
    </ConsolePage>
  );
}
