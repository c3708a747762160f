/**
 * The subscriptions the pages run, as text for the browser's live client. Each is a
 * `.graphql` file beside the others, so the documents test checks it against the API schema;
 * the shared fragments they spread are appended here, as the server does for its documents.
 */
import fragmentsText from '../graphql/fragments.graphql?raw';
import { readFragments, withFragments } from '../graphql/fragments';
import caseCountersUpdates from '../graphql/case-counters-updates.graphql?raw';
import caseUpdates from '../graphql/case-updates.graphql?raw';
import inboxUpdates from '../graphql/inbox-updates.graphql?raw';
import reportUpdates from '../graphql/report-updates.graphql?raw';
import type { ReportUpdatesSubscription } from '../graphql/generated/graphql';

const fragments = readFragments(fragmentsText);
export const REPORT_UPDATES = withFragments(reportUpdates, fragments);
export const INBOX_UPDATES = withFragments(inboxUpdates, fragments);
export const CASE_UPDATES = withFragments(caseUpdates, fragments);
export const CASE_COUNTERS_UPDATES = withFragments(caseCountersUpdates, fragments);

/** One update of a followed report: the whole report as its reporter sees it now. */
export type ReportUpdate = ReportUpdatesSubscription['reportUpdates'];
