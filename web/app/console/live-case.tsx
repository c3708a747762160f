/**
 * A console case page, live: each event of the case that the staff member may see loads the
 * page's data again (`caseUpdates`), so a colleague's action or the reporter's reply shows
 * without a reload. Needs the page script; without it the page is as before.
 */
import { livePaths } from '../live/live-client';
import type { CaseUpdatesSubscription } from '../graphql/generated/graphql';
import { CASE_UPDATES } from '../live/live-documents';
import { LiveIndicator } from '../live/live-indicator';
import { useLiveRevalidation } from '../live/live-revalidate';
import type { ConsoleScope } from './console-paths';

export function LiveCase({ scope, id, after }: { scope: ConsoleScope; id: string; after: string | null | undefined }) {
  const path = livePaths.console(scope.kind === 'agency' ? scope.slug : null);
  const status = useLiveRevalidation<CaseUpdatesSubscription>({
    path,
    query: CASE_UPDATES,
    variables: { id },
    after,
    select: (data) => data.caseUpdates,
    key: `${path}#${id}`,
  });
  return <LiveIndicator status={status} />;
}
