/**
 * `/t/<slug>/konsol/email`: the agency's notification mails for its admin and head, newest
 * first, optionally one status (`?status=FAILED`): when each was made, its kind, to whom (the
 * reporter, or which colleague; never an address), the case when the viewer may read it, its
 * status and attempts, and why it failed. Others get the 404 page.
 */
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ConsolePage } from '../../console/console-page';
import { formatShortDateTime } from '../../console/console-format';
import { consoleCasePath, consoleMailPath } from '../../console/console-paths';
import { isValueOf } from '../../graphql/enum-values';
import { EmailStatus, type MailDeliveriesQuery } from '../../graphql/generated/graphql';
import { MailDeliveriesDocument } from '../../graphql/documents.server';
import { findMetaLocale, useTranslation } from '../../i18n/use-translation';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { createReporterMeta } from '../../reporting/reporter-meta';
import { ApiError, callConsole, getConsoleFrame, requireViewer, startConsolePage, toConsolePageError } from '../../server/console.server';
import { createPageError } from '../../server/page-errors.server';

export const headers = reporterPageHeaders;

type MailDelivery = MailDeliveriesQuery['mailDeliveries'][number];

const PAGE_SIZE = 100;
const STATUSES = [EmailStatus.FAILED, EmailStatus.PENDING, EmailStatus.SENT, EmailStatus.CANCELLED];

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args;
  const call = startConsolePage(args);
  if (call.scope.kind !== 'agency') throw createPageError('PAGE_NOT_FOUND');
  const value = new URL(request.url).searchParams.get('status') ?? '';
  const status = isValueOf(EmailStatus, value) ? value : null;
  try {
    const result = await callConsole(call, MailDeliveriesDocument, { statuses: status ? [status] : null, first: PAGE_SIZE }).catch((error: unknown) => {
      // Only the admin and the head read the agency's mail; for anyone else the page does not exist.
      if (error instanceof ApiError && error.code === 'FORBIDDEN') throw createPageError('PAGE_NOT_FOUND');
      throw error;
    });
    const viewer = requireViewer(result.viewerStaff, request, call);
    const frame = await getConsoleFrame(call, viewer.provinceId);
    return data({ frame, themeStyle: frame.themeStyle ?? undefined, viewer, deliveries: result.mailDeliveries, status });
  } catch (error) {
    if (error instanceof Response) throw error;
    throw toConsolePageError(error, request, call);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? createReporterMeta(findMetaLocale(matches), data.frame.title || undefined, 'mail.title') : [];

function MailRow({ mail }: { mail: MailDelivery }) {
  const { t, locale } = useTranslation();
  const { frame } = useLoaderData<typeof loader>();
  const when = (iso: string) => formatShortDateTime(iso, frame.timeZone, locale);
  const recipient =
    mail.recipient === 'REPORTER' ? t('mail.toReporter') : mail.staffName ? t('mail.toStaff', { name: mail.staffName }) : t('mail.toStaffUnknown');
  return (
    <tr data-mail={mail.id} data-kind={mail.kind} data-status={mail.status}>
      <td data-label={t('mail.colWhen')} className="nowrap-wide">
        <time dateTime={mail.createdAt}>{when(mail.createdAt)}</time>
      </td>
      <th scope="row" data-label={t('mail.colKind')}>
        <div>{t(`emailKind.${mail.kind}`)}</div>
      </th>
      <td data-label={t('mail.colTo')}>
        <div data-recipient>{recipient}</div>
      </td>
      <td data-label={t('mail.colCase')}>
        <div>
          {mail.caseId && mail.registrationNumber ? (
            <a href={consoleCasePath(frame.scope, mail.caseId)} className="report-number" data-case-link={mail.registrationNumber}>
              {mail.registrationNumber}
            </a>
          ) : (
            <span className="muted" data-hidden-case>
              {t('mail.hiddenCase')}
            </span>
          )}
        </div>
      </td>
      <td data-label={t('mail.colStatus')}>
        <div>
          <strong data-status-label>{t(`emailStatus.${mail.status}`)}</strong>
          <div className="muted">
            {t('mail.attempts', { count: mail.attempts })}
            {mail.sentAt ? <> · {t('mail.sentAt', { when: when(mail.sentAt) })}</> : null}
            {mail.status === 'PENDING' && mail.attempts > 0 ? <> · {t('mail.nextAttempt', { when: when(mail.nextAttemptAt) })}</> : null}
          </div>
        </div>
      </td>
      <td data-label={t('mail.colProblem')}>
        <div data-problem>{mail.lastError ?? t('mail.noProblem')}</div>
      </td>
    </tr>
  );
}

export default function MailDeliveries() {
  const { frame, viewer, deliveries, status } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const path = frame.scope.kind === 'agency' ? consoleMailPath(frame.scope.slug) : '';
  const failed = deliveries.some((mail) => mail.status === 'FAILED');
  return (
    <ConsolePage frame={frame} viewer={viewer} page="console-mail">
      <h1>{t('mail.title')}</h1>
      <p className="lead-text">{t('mail.intro', { agency: frame.title })}</p>
      <p className="muted">{t('mail.adminNote')}</p>
      <nav className="mail-filter" aria-label={t('mail.filter')} data-mail-filter>
        <span>{t('mail.filter')}:</span>{' '}
        {[null, ...STATUSES].map((choice) => (
          <a key={choice ?? 'all'} href={choice ? `${path}?status=${choice}` : path} aria-current={choice === status ? 'page' : undefined}>
            {choice ? t(`emailStatus.${choice}`) : t('mail.filterAll')}
          </a>
        ))}
      </nav>
      {failed ? (
        <p className="warning" data-failed-help>
          {t('mail.failedHelp')}
        </p>
      ) : null}
      {deliveries.length === 0 ? (
        <p data-no-mail>{t(status ? 'mail.emptyFiltered' : 'mail.empty')}</p>
      ) : (
        <table className="inbox-table" data-mail-deliveries>
          <caption className="visually-hidden">{t('mail.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mail.colWhen')}</th>
              <th scope="col">{t('mail.colKind')}</th>
              <th scope="col">{t('mail.colTo')}</th>
              <th scope="col">{t('mail.colCase')}</th>
              <th scope="col">{t('mail.colStatus')}</th>
              <th scope="col">{t('mail.colProblem')}</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((mail) => (
              <MailRow key={mail.id} mail={mail} />
            ))}
          </tbody>
        </table>
      )}
    </ConsolePage>
  );
}
