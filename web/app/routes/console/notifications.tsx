/**
 * `/t/<slug>/konsol/notifikasi` and `/konsol/sekretariat/notifikasi`: the signed-in staff
 * member's notifications (deadline reminders, escalations, silence notices and closures),
 * newest first, each linking its case; unread ones can be marked read one by one or all at
 * once (plain POST forms); and which mails the staff member receives (#email). Only for roles
 * that receive notifications; others get the 404 page.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { ConsolePage, FlashMessage } from '../../console/console-page';
import { consoleCasePath } from '../../console/console-paths';
import { ConsoleTime } from '../../console/console-time';
import { describeFlash } from '../../console/flash';
import type { StaffNotification } from '../../graphql/results';
import type { EmailKind } from '../../graphql/generated/graphql';
import { ConsoleNotificationsDocument } from '../../graphql/documents.server';
import { findMetaLocale, useTranslation } from '../../i18n/use-translation';
import { createTranslator } from '../../i18n/translate';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { createReporterMeta } from '../../reporting/reporter-meta';
import { MAX_MARKED, type NotificationsActionData } from '../../console/notification-data';
import { handleNotificationsAction } from '../../server/console-notifications.server';
import { callConsole, getConsoleFrame, requireViewer, startConsoleAction, startConsolePage, takeFlash, toConsolePageError } from '../../server/console.server';
import { createPageError } from '../../server/page-errors.server';

export const headers = reporterPageHeaders;

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args;
  const call = startConsolePage(args);
  try {
    const result = await callConsole(call, ConsoleNotificationsDocument);
    const viewer = requireViewer(result.viewerStaff, request, call);
    if (!viewer.canReadNotifications) throw createPageError('PAGE_NOT_FOUND');
    const frame = await getConsoleFrame(call, viewer.provinceId);
    const headers = new Headers();
    const flash = describeFlash(takeFlash(request, call, headers), createTranslator(call.locale));
    const email = { kinds: (result.viewerStaff?.emailKinds ?? []).filter(isStaffKind), optOut: result.viewerStaff?.emailOptOut ?? [] };
    return data({ frame, themeStyle: frame.themeStyle ?? undefined, viewer, notifications: result.staffNotifications, flash, email }, { headers });
  } catch (error) {
    if (error instanceof Response) throw error;
    throw toConsolePageError(error, request, call);
  }
}

export async function action(args: ActionFunctionArgs) {
  return handleNotificationsAction(args.request, startConsoleAction(args));
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? createReporterMeta(findMetaLocale(matches), data.frame.title || undefined, 'notifications.title') : [];

/** A form that marks the given notifications read; `context` completes the button's name for a screen reader. */
function MarkReadForm({ ids, label, context, className }: { ids: string[]; label: string; context?: string; className: string }) {
  return (
    <form method="post" className="mark-read">
      <input type="hidden" name="intent" value="read" />
      {ids.map((id) => (
        <input key={id} type="hidden" name="id" value={id} />
      ))}
      <button type="submit" className={className} data-mark-read={ids.length === 1 ? ids[0] : 'all'}>
        {label}
        {context ? <span className="visually-hidden">{context}</span> : null}
      </button>
    </form>
  );
}

function NotificationRows({ notifications, showAgency }: { notifications: StaffNotification[]; showAgency: boolean }) {
  const { t } = useTranslation();
  const { frame } = useLoaderData<typeof loader>();
  const agencies = new Map((frame.province?.tenants ?? []).map((tenant) => [tenant.slug, tenant]));
  return (
    <>
      {notifications.map((item) => {
        const zone = agencies.get(item.agencySlug)?.timeZone ?? frame.timeZone;
        const kind = t(`notificationKind.${item.kind}`);
        return (
          <tr
            key={item.id}
            className={item.read ? 'notification read' : 'notification unread'}
            data-notification={item.id}
            data-kind={item.kind}
            data-read={String(item.read)}
          >
            <th scope="row" data-label={t('notifications.colKind')}>
              <div>
                {kind}
                {item.escalationSource && item.kind === 'OVERDUE' ? <span className="muted"> ({t(`escalationSource.${item.escalationSource}`)})</span> : null}
              </div>
            </th>
            <td data-label={t('notifications.colCase')}>
              <a href={consoleCasePath(frame.scope, item.caseId)} className="report-number" data-case-link={item.registrationNumber}>
                {item.registrationNumber}
              </a>
            </td>
            {showAgency ? <td data-label={t('notifications.colAgency')}>{agencies.get(item.agencySlug)?.shortName ?? item.agencySlug}</td> : null}
            <td data-label={t('notifications.colStatus')}>{t(`staffStatus.${item.caseStatus}`)}</td>
            <td data-label={t('notifications.colDeadline')} className="nowrap-wide">
              {item.stageDeadline ? <ConsoleTime iso={item.stageDeadline} timeZone={zone} form="short" /> : t('notifications.noDeadline')}
            </td>
            <td data-label={t('notifications.colWhen')} className="nowrap-wide">
              <ConsoleTime iso={item.createdAt} timeZone={zone} form="short" />
            </td>
            <td data-label={t('notifications.colRead')}>
              <div>
                {item.read ? (
                  <span className="badge read-mark">{t('notifications.read')}</span>
                ) : (
                  <>
                    <span className="badge unread-mark">{t('notifications.unread')}</span>{' '}
                    <MarkReadForm
                      ids={[item.id]}
                      label={t('notifications.markRead')}
                      context={t('notifications.markReadOf', { kind, number: item.registrationNumber })}
                      className="link-button"
                    />
                  </>
                )}
              </div>
            </td>
          </tr>
        );
      })}
    </>
  );
}

type StaffEmailKind = Extract<EmailKind, `STAFF_${string}`>;

function isStaffKind(kind: EmailKind): kind is StaffEmailKind {
  return kind.startsWith('STAFF_');
}

/** Which mails the staff member's roles receive, each a checkbox; a plain form, so it works without JavaScript. */
function EmailChoices({ kinds, optOut, email }: { kinds: StaffEmailKind[]; optOut: EmailKind[]; email: string }) {
  const { t } = useTranslation();
  return (
    <section id="email" aria-labelledby="email-choices-title" data-section="email-choices">
      <h2 id="email-choices-title">{t('emailChoices.title')}</h2>
      {kinds.length === 0 ? (
        <p>{t('emailChoices.none')}</p>
      ) : (
        <form method="post">
          <input type="hidden" name="intent" value="email" />
          <p>{t('emailChoices.intro', { email })}</p>
          <fieldset>
            <legend>{t('emailChoices.legend')}</legend>
            {kinds.map((kind) => (
              <label key={kind} className="check">
                <input type="hidden" name="offered" value={kind} />
                <input type="checkbox" name="kind" value={kind} defaultChecked={!optOut.includes(kind)} data-email-kind={kind} /> {t(`emailKind.${kind}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button secondary">
            {t('emailChoices.save')}
          </button>
        </form>
      )}
    </section>
  );
}

export default function ConsoleNotifications() {
  const { frame, viewer, notifications, flash, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as NotificationsActionData | undefined;
  const { t } = useTranslation();
  const secretariat = frame.scope.kind === 'secretariat';
  const unread = notifications.filter((item) => !item.read).map((item) => item.id);
  return (
    <ConsolePage frame={frame} viewer={viewer} page="console-notifications">
      <FlashMessage text={flash} />
      {result?.problem ? (
        <p className="problem" role="alert" data-problem>
          {result.problem}
        </p>
      ) : null}
      <h1>{t('notifications.title')}</h1>
      <p className="lead-text">{secretariat ? t('notifications.secretariatIntro', { province: frame.shortName }) : t('notifications.intro')}</p>
      {notifications.length === 0 ? (
        <p data-no-notifications>{t('notifications.empty')}</p>
      ) : (
        <>
          <div className="notifications-bar">
            <p role="status" data-unread-total={unread.length}>
              {unread.length > 0 ? t('notifications.unreadTotal', { count: unread.length }) : t('notifications.allRead')}
            </p>
            {unread.length > 0 ? <MarkReadForm ids={unread.slice(0, MAX_MARKED)} label={t('notifications.markAll')} className="button secondary" /> : null}
          </div>
          <table className="inbox-table notifications-table" data-notifications>
            <caption className="visually-hidden">{t('notifications.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('notifications.colKind')}</th>
                <th scope="col">{t('notifications.colCase')}</th>
                {secretariat ? <th scope="col">{t('notifications.colAgency')}</th> : null}
                <th scope="col">{t('notifications.colStatus')}</th>
                <th scope="col">{t('notifications.colDeadline')}</th>
                <th scope="col">{t('notifications.colWhen')}</th>
                <th scope="col">{t('notifications.colRead')}</th>
              </tr>
            </thead>
            <tbody>
              <NotificationRows notifications={notifications} showAgency={secretariat} />
            </tbody>
          </table>
        </>
      )}
      <EmailChoices kinds={email.kinds} optOut={email.optOut} email={viewer.email} />
    </ConsolePage>
  );
}
