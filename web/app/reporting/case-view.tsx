/**
 * A report as its reporter follows it: the status in plain words, deadlines, evidence,
 * the timeline, the messages with staff, and the reply form (with evidence).
 */
import type { ReactNode } from 'react';
import type { ReportingCaseType, TrackedReport } from '../graphql/results';
import { joinList } from '../i18n/translate';
import { useTranslation } from '../i18n/use-translation';
import { DeadlineList } from './deadline-list';
import { EvidenceInput } from './evidence-input';
import { EvidenceList } from './evidence-list';
import { EscalationFollowUp } from './escalation-follow-up';
import { describedBy, ErrorSummary, FieldError, Hint, RequiredMark } from './form-controls';
import { EVIDENCE_FIELD } from './form-ids';
import { formatDateTime } from './formats';
import { findProblems } from './report-form-data';
import { SatisfactionForm } from './satisfaction-form';
import { INTENT_FIELD, REPLY_BODY_FIELD, TRACK_CODE_FIELD, TRACK_NUMBER_FIELD, type TrackView } from './track-data';
import { RepliesClosed, TransferNotice } from './transfer-notice';
import { ReceivedDates } from './received-dates';

const MESSAGE_MAX_LENGTH = 5000;

function Timeline({ report }: { report: TrackedReport }) {
  const { locale, t } = useTranslation();
  const zone = report.receipt.timeZone;
  return (
    <ol className="timeline">
      {report.timeline.map((entry) => (
        <li key={entry.cursor}>
          <span className="when">{formatDateTime(entry.at, zone, locale)}</span>{' '}
          <span className="what">{t(`caseEvent.${entry.kind}`, { status: t(`caseStatus.${entry.status}`) })}</span>
        </li>
      ))}
    </ol>
  );
}

function Messages({ report }: { report: TrackedReport }) {
  const { locale, t } = useTranslation();
  if (report.messages.length === 0) return <p>{t('track.noMessages')}</p>;
  return (
    <ol className="messages">
      {report.messages.map((message) => (
        <li key={message.id} className={`message from-${message.author.toLowerCase()}`}>
          <p className="message-meta">
            <strong>{t(`messageAuthor.${message.author}`)}</strong> · {formatDateTime(message.sentAt, report.receipt.timeZone, locale)}
          </p>
          <p className="message-body">{message.body}</p>
          {message.evidence.length > 0 ? (
            <p className="muted">
              {t('track.attachments', {
                files: joinList(
                  message.evidence.map((file) => file.fileName),
                  locale,
                ),
              })}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** Escalation to the province's secretariat: offered once the running stage's deadline has passed. */
function Escalation({ view, slug }: { view: TrackView; slug: string }) {
  const { locale, t } = useTranslation();
  const { report, escalation } = view;
  const target = report.escalationTarget ?? t('track.escalationTargetUnknown');
  if (report.escalatedAt) {
    return (
      <section className="escalation" aria-labelledby="eskalasi">
        <h3 id="eskalasi">{t('track.escalation')}</h3>
        <p role={escalation?.done ? 'status' : undefined} className={escalation?.done ? 'success' : undefined}>
          {t('track.escalated', { target, at: formatDateTime(report.escalatedAt, report.receipt.timeZone, locale) })}
        </p>
        <EscalationFollowUp report={report} target={target} />
      </section>
    );
  }
  if (!report.canEscalate && !escalation) return null;
  return (
    <section className="escalation" aria-labelledby="eskalasi">
      <h3 id="eskalasi">{t('track.escalation')}</h3>
      {escalation && !escalation.done ? (
        <p className="error" role="alert">
          {escalation.problem}
        </p>
      ) : null}
      {report.canEscalate ? (
        <form method="post" action={`/t/${slug}/lacak`} className="escalate-form">
          <p>{t('track.escalateHelp', { target })}</p>
          <input type="hidden" name={INTENT_FIELD} value="escalate" />
          <input type="hidden" name={TRACK_NUMBER_FIELD} value={report.registrationNumber} />
          {view.trackingCode ? <input type="hidden" name={TRACK_CODE_FIELD} value={view.trackingCode} /> : null}
          <button type="submit">{t('track.escalateSubmit')}</button>
        </form>
      ) : null}
    </section>
  );
}

/** `live`: the live indicator, under the status, when the page follows the report live. */
export function CaseView({ view, slug, caseType, live }: { view: TrackView; slug: string; caseType: ReportingCaseType | undefined; live?: ReactNode }) {
  const { t } = useTranslation();
  const { report, reply } = view;
  const bodyProblems = findProblems(reply.problems, REPLY_BODY_FIELD);
  const evidenceLimits = caseType?.evidence ?? null;
  return (
    <>
      <h1>{t('track.title')}</h1>
      <article className="case-view" data-case aria-labelledby="laporan-judul">
        <h2 id="laporan-judul">{t('track.reportHeading', { number: report.registrationNumber })}</h2>
        <p className="case-title">{report.title}</p>
        <div className="status" data-status={report.status}>
          <p className="status-label">{t('track.status')}</p>
          <p className="status-value">{t(`caseStatus.${report.status}`)}</p>
          <p>{t(`caseStatusHelp.${report.status}`)}</p>
          <TransferNotice report={report} />
        </div>
        {live}
        <dl className="facts">
          <div>
            <dt>{t('track.caseType')}</dt>
            <dd>{report.caseTypeName}</dd>
          </div>
          {report.receipt.categoryName ? (
            <div>
              <dt>{t('receipt.category')}</dt>
              <dd>{report.receipt.categoryName}</dd>
            </div>
          ) : null}
          <ReceivedDates report={report} />
          <div>
            <dt>{t('receipt.identityMode')}</dt>
            <dd>{t(`identityMode.${report.receipt.identityMode}`)}</dd>
          </div>
          <div>
            <dt>{t('track.deadlines')}</dt>
            <dd>
              <DeadlineList deadlines={report.deadlines} timeZone={report.receipt.timeZone} />
            </dd>
          </div>
          <div>
            <dt>{t('track.evidence')}</dt>
            <dd>
              <EvidenceList files={report.receipt.evidence} empty={t('receipt.noEvidence')} />
            </dd>
          </div>
        </dl>

        <Escalation view={view} slug={slug} />
        <SatisfactionForm view={view} slug={slug} />

        <h3>{t('track.timeline')}</h3>
        <Timeline report={report} />

        <h3 id="pesan">{t('track.messages')}</h3>
        {view.sent ? (
          <p className="success" role="status">
            {t('track.replySent')}
          </p>
        ) : null}
        <Messages report={report} />

        <ErrorSummary problems={reply.problems} />
        {report.acceptsMessages ? null : <RepliesClosed report={report} />}
        {report.acceptsMessages ? <h3 id="balas">{t('track.reply')}</h3> : null}
        {report.acceptsMessages ? (
          <form method="post" encType="multipart/form-data" action={`/t/${slug}/lacak`} className="reply-form">
            {/* Before the file input: the action reads these while the files stream in. */}
            <input type="hidden" name={INTENT_FIELD} value="message" />
            <input type="hidden" name={TRACK_NUMBER_FIELD} value={report.registrationNumber} />
            {view.trackingCode ? <input type="hidden" name={TRACK_CODE_FIELD} value={view.trackingCode} /> : null}
            <input type="hidden" name="caseTypeKey" value={report.caseTypeKey} />
            <div className={bodyProblems.length > 0 ? 'field invalid' : 'field'}>
              <label htmlFor={REPLY_BODY_FIELD}>
                {t('track.replyBody')} <RequiredMark required />
              </label>
              <Hint id={REPLY_BODY_FIELD}>{t('track.replyHelp')}</Hint>
              <FieldError id={REPLY_BODY_FIELD} problems={bodyProblems} />
              <textarea
                id={REPLY_BODY_FIELD}
                name={REPLY_BODY_FIELD}
                rows={5}
                required
                maxLength={MESSAGE_MAX_LENGTH}
                defaultValue={reply.body}
                aria-describedby={describedBy(REPLY_BODY_FIELD, { hint: true, problems: bodyProblems })}
                aria-invalid={bodyProblems.length > 0 ? true : undefined}
              />
            </div>
            {evidenceLimits && evidenceLimits.maxFiles > 0 ? (
              <EvidenceInput
                uploadHref={`/t/${slug}/unggah/${report.caseTypeKey}`}
                limits={{ ...evidenceLimits, required: false }}
                problems={findProblems(reply.problems, EVIDENCE_FIELD)}
                reattach={reply.reattach}
                label={t('form.evidence')}
              />
            ) : null}
            <div className="form-actions">
              <button type="submit" className="button">
                {t('track.replySubmit')}
              </button>
            </div>
          </form>
        ) : null}
      </article>
      <p>
        <a href={`/t/${slug}/lacak`}>{t('track.another')}</a>
      </p>
    </>
  );
}
