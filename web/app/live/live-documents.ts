/**
 * The subscriptions the pages run, as text for the browser's live client. Each is a
 * `.graphql` file beside the others, so the documents test checks it against the API schema.
 */
import caseCountersUpdates from '../graphql/case-counters-updates.graphql?raw';
import caseUpdates from '../graphql/case-updates.graphql?raw';
import inboxUpdates from '../graphql/inbox-updates.graphql?raw';
import reportUpdates from '../graphql/report-updates.graphql?raw';
import type { TrackedReport } from '../graphql/reporting-types';
import type { LiveUpdate } from './live-follow';

export const REPORT_UPDATES = reportUpdates;
export const INBOX_UPDATES = inboxUpdates;
export const CASE_UPDATES = caseUpdates;
export const CASE_COUNTERS_UPDATES = caseCountersUpdates;

export interface ReportUpdate extends LiveUpdate {
  report: TrackedReport;
}

export type CaseUpdate = LiveUpdate & { caseId?: string | null };

export interface AgencyCounters {
  agency: { slug: string; shortName: string };
  open: number;
  inVerification: number;
  waitingForReporter: number;
  inFollowUp: number;
  overdue: number;
  escalated: number;
}
