/** The case as staff read it: summary, the report, evidence, messages, notes, answers, timeline, people. */
import type { EvidenceFile, StaffCase } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { formatBytes, formatDateTime } from '../reporting/formats';
import { consoleEvidencePath, consoleReceiptPath, type ConsoleScope } from './console-paths';
import { CalendarDate, ConsoleTime } from './console-time';
import { DeadlineBadges } from './deadline-badge';
import { CaseRatingSection, RatedVerdict } from './case-rating';

/** A case that came in offline (not a transfer): it has a receipt to reprint. */
export function isOfflineIntake(item: { timeline: readonly { kind: string }[] }): boolean {
  return item.timeline.some((entry) => entry.kind === 'RECORDED_OFFLINE');
}

/** An evidence file as a download link through the console (the staff session goes with it). */
function EvidenceLink({ scope, agencySlug, file }: { scope: ConsoleScope; agencySlug: string; file: EvidenceFile }) {
  const { t, locale } = useTranslation();
  return (
    <>
      <a className="file-name" href={consoleEvidencePath(scope, agencySlug, file.id)} download={file.fileName} data-evidence-link={file.id}>
        <span className="visually-hidden">{t('staffCase.evidenceDownload')} </span>
        {file.fileName}
      </a>{' '}
      <span className="muted">({formatBytes(file.size, locale)})</span>
    </>
  );
}

export const CASE_SECTIONS = [
  { id: 'laporan', title: 'staffCase.report' },
  { id: 'bukti', title: 'staffCase.evidence' },
  { id: 'pesan', title: 'staffCase.messages' },
  { id: 'catatan', title: 'staffCase.notes' },
  { id: 'jawaban', title: 'staffCase.answers' },
  { id: 'linimasa', title: 'staffCase.timeline' },
  { id: 'petugas', title: 'staffCase.people' },
] as const;

function Fact({ label, children, hook }: { label: string; children: React.ReactNode; hook?: string }) {
  return (
    <div data-fact={hook}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function CaseSummary({ item, scope }: { item: StaffCase; scope: ConsoleScope }) {
  const { t, locale } = useTranslation();
  const zone = item.agency.timeZone;
  const when = (iso: string) => formatDateTime(iso, zone, locale);
  const at = (iso: string) => <ConsoleTime iso={iso} timeZone={zone} />;
  return (
    <section aria-labelledby="ringkasan" className="case-summary">
      <h2 id="ringkasan" className="visually-hidden">
        {t('staffCase.summary')}
      </h2>
      <dl className="facts">
        <Fact label={t('staffCase.status')} hook="status">
          <strong data-status={item.status}>{t(`staffStatus.${item.status}`)}</strong>
        </Fact>
        <Fact label={t('staffCase.priority')} hook="priority">
          <span className={`priority ${item.priority.toLowerCase()}`}>{t(`priority.${item.priority}`)}</span>
        </Fact>
        <Fact label={t('staffCase.stage')}>
          {item.currentStage ? (
            <>
              {t('deadline.until', { stage: item.currentStage.name, date: when(item.currentStage.deadline) })}{' '}
              <DeadlineBadges stage={item.currentStage} escalatedAt={item.escalatedAt} />
            </>
          ) : (
            <>
              {t('deadline.none')} <DeadlineBadges stage={null} escalatedAt={item.escalatedAt} />
            </>
          )}
        </Fact>
        <Fact label={t('staffCase.type')}>{item.caseType?.name ?? t('inbox.none')}</Fact>
        <Fact label={t('staffCase.category')}>{item.category?.name ?? t('inbox.none')}</Fact>
        <Fact label={t('staffCase.channel')} hook="channel">
          {item.channel?.name ?? t('inbox.none')}
        </Fact>
        <Fact label={t('staffCase.agency')}>{item.agency.name}</Fact>
        <Fact label={t('staffCase.received')} hook="received-at">
          {at(item.receivedAt)}
        </Fact>
        {/* Recorded later than received (a letter, a visit): the deadlines count from receipt. */}
        {when(item.submittedAt) !== when(item.receivedAt) ? (
          <Fact label={t('staffCase.recorded')} hook="recorded-at">
            {at(item.submittedAt)}
          </Fact>
        ) : null}
        <Fact label={t('staffCase.identity')}>
          {t(`identityMode.${item.identityMode}`)}
          {item.confidential ? ` · ${t('staffCase.confidential')}` : ''}
        </Fact>
        {item.restricted ? <Fact label={t('inbox.restricted')}>{t('staffCase.restricted')}</Fact> : null}
        {item.waitingSince ? <Fact label={t('staffCase.waitingSince')}>{at(item.waitingSince)}</Fact> : null}
        {item.silenceCloseAt ? <Fact label={t('staffCase.silenceCloseAt')}>{at(item.silenceCloseAt)}</Fact> : null}
        {item.escalatedAt ? <Fact label={t('staffCase.escalatedAt')}>{at(item.escalatedAt)}</Fact> : null}
        {item.recordedBy ? (
          <Fact label={t('staffCase.receivedBy')} hook="recorded-by">
            {item.recordedBy.name}
            {item.recordedBy.title ? `, ${item.recordedBy.title}` : ''}
            {scope.kind === 'agency' && isOfflineIntake(item) ? (
              <>
                {' '}
                ·{' '}
                <a href={consoleReceiptPath(scope.slug, item.id)} data-reprint>
                  {t('staffCase.reprintReceipt')}
                </a>
              </>
            ) : null}
          </Fact>
        ) : null}
        {item.externalReference ? (
          <Fact label={t('staffCase.externalReference')} hook="external-reference">
            {item.externalReference}
          </Fact>
        ) : null}
        {item.transferredFrom ? (
          <Fact label={t('staffCase.transferredFrom')} hook="transferred-from">
            {item.transferredFrom}
          </Fact>
        ) : null}
        {item.transferredTo ? (
          <Fact label={t('staffCase.transferredTo')} hook="transferred-to">
            {item.transferredTo}
          </Fact>
        ) : null}
      </dl>
      {item.deadlines.length > 0 ? (
        <details className="stage-deadlines">
          <summary>{t('staffCase.deadlines')}</summary>
          <ul>
            {item.deadlines.map((deadline) => (
              <li key={deadline.key}>
                {deadline.name}: {at(deadline.deadline)} ({t('deadline.workingDays', { days: deadline.workingDays })})
                {deadline.provisional ? ` · ${t('deadline.provisional')}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-judul`} id={id} className="case-section">
      <h2 id={`${id}-judul`}>{title}</h2>
      {children}
    </section>
  );
}

export function CaseRecord({ item, scope }: { item: StaffCase; scope: ConsoleScope }) {
  const { t } = useTranslation();
  const zone = item.agency.timeZone;
  const at = (iso: string) => <ConsoleTime iso={iso} timeZone={zone} />;
  const reporter = item.reporter;
  const given = reporter ? (['name', 'idNumber', 'phone', 'email', 'address'] as const).filter((key) => reporter[key]) : [];
  return (
    <>
      {reporter && given.length > 0 ? (
        <Section id="pelapor" title={t('staffCase.reporter')}>
          <p className="hint">{t('staffCase.reporterNote')}</p>
          <dl className="facts" data-reporter>
            {given.map((key) => (
              <Fact key={key} label={t(`form.detail.${key}`)} hook={`reporter-${key}`}>
                {reporter[key]}
              </Fact>
            ))}
          </dl>
        </Section>
      ) : null}
      <Section id="laporan" title={t('staffCase.report')}>
        {item.answers.length === 0 ? (
          <p>{t('staffCase.noAnswers')}</p>
        ) : (
          <dl className="facts report-answers">
            {item.answers.map((answer, index) => (
              <div key={index}>
                <dt>{answer.label}</dt>
                <dd className="answer">{answer.type === 'DATE' ? <CalendarDate value={answer.value} /> : answer.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </Section>

      <Section id="bukti" title={t('staffCase.evidence')}>
        {item.evidence.length === 0 ? (
          <p>{t('staffCase.noEvidence')}</p>
        ) : (
          <>
            <ul className="plain evidence-list" data-evidence>
              {item.evidence.map((file) => (
                <li key={file.id}>
                  <EvidenceLink scope={scope} agencySlug={item.agency.slug} file={file} />
                </li>
              ))}
            </ul>
            <p className="muted">{t('staffCase.evidenceNote')}</p>
          </>
        )}
      </Section>

      <Section id="pesan" title={t('staffCase.messages')}>
        {item.messages.length === 0 ? (
          <p>{t('staffCase.noMessages')}</p>
        ) : (
          <ol className="messages" data-messages>
            {item.messages.map((message) => (
              <li key={message.id} className={message.authorKind === 'STAFF' ? 'message from-staff' : 'message'}>
                <p className="message-meta">
                  <strong>
                    {message.authorKind === 'STAFF'
                      ? (message.author?.name ?? t('actorKind.STAFF'))
                      : message.authorKind === 'REPORTER'
                        ? t('staffCase.fromReporter')
                        : t('staffCase.fromSystem')}
                  </strong>{' '}
                  · <span className="muted">{at(message.sentAt)}</span>
                </p>
                <p className="message-body">{message.body}</p>
                {message.evidence.length > 0 ? (
                  <ul className="plain">
                    {message.evidence.map((file) => (
                      <li key={file.id}>
                        <EvidenceLink scope={scope} agencySlug={item.agency.slug} file={file} />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section id="catatan" title={t('staffCase.notes')}>
        {item.notes.length === 0 ? (
          <p>{t('staffCase.noNotes')}</p>
        ) : (
          <ol className="messages" data-notes>
            {item.notes.map((note) => (
              <li key={note.id} className="message note-item">
                <p className="message-meta">
                  <span className="badge">{t(`noteKind.${note.kind}`)}</span> <strong>{note.author?.name ?? t('actorKind.STAFF')}</strong> ·{' '}
                  <span className="muted">{at(note.at)}</span>
                </p>
                <p className="message-body">{note.body}</p>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section id="jawaban" title={t('staffCase.answers')}>
        {item.officialAnswers.length === 0 ? (
          <p>{t('staffCase.noOfficialAnswers')}</p>
        ) : (
          <ol className="messages" data-official-answers>
            {item.officialAnswers.map((answer) => (
              <li key={answer.id} className="message" data-answer-status={answer.status}>
                <p className="message-meta">
                  <span className={`badge answer-${answer.status.toLowerCase()}`}>{t(`answerStatus.${answer.status}`)}</span> ·{' '}
                  <span className="muted">{at(answer.updatedAt)}</span>
                </p>
                <p className="message-body">{answer.body}</p>
                <p className="muted">
                  {answer.draftedBy ? t('staffCase.draftedBy', { name: answer.draftedBy.name }) : null}
                  {answer.decidedBy ? ` · ${t('staffCase.decidedBy', { name: answer.decidedBy.name })}` : null}
                </p>
                {answer.decisionReason ? <p>{t('staffCase.decisionReason', { reason: answer.decisionReason })}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </Section>

      <CaseRatingSection item={item} />

      <Section id="linimasa" title={t('staffCase.timeline')}>
        <ol className="timeline staff-timeline" data-timeline>
          {item.timeline.map((entry) => (
            <li key={entry.cursor} data-event={entry.kind} data-visibility={entry.visibility}>
              <p className="event-line">
                <strong>
                  {entry.kind === 'STATUS_CHANGED' && entry.transition
                    ? `${t(`transition.${entry.transition}` as 'transition.ACCEPT')} → ${t(`staffStatus.${entry.status}`)}`
                    : t(`caseEvent.${entry.kind}`, { status: t(`staffStatus.${entry.status}`) })}
                </strong>{' '}
                <span className={entry.visibility === 'REPORTER' ? 'badge visible' : 'badge internal'}>{t(`visibility.${entry.visibility}`)}</span>
                {entry.kind === 'RATED' ? <RatedVerdict satisfied={entry.satisfied} /> : null}
              </p>
              <p className="when">
                {at(entry.at)} ·{' '}
                {entry.actorKind === 'STAFF'
                  ? t('staffCase.by', { name: entry.actor?.name ?? t('actorKind.STAFF') })
                  : entry.actorKind === 'REPORTER'
                    ? t('staffCase.byReporter')
                    : t('staffCase.bySystem')}
              </p>
              {entry.reason ? <p className="event-reason">{t('staffCase.reason', { reason: entry.reason })}</p> : null}
            </li>
          ))}
        </ol>
      </Section>

      <Section id="petugas" title={t('staffCase.people')}>
        <h3>{t('staffCase.handlers')}</h3>
        {item.handlers.length === 0 ? (
          <p>{t('staffCase.noHandlers')}</p>
        ) : (
          <ul data-handlers>
            {item.handlers.map((handler) => (
              <li key={handler.id}>
                {handler.name}
                {handler.title ? <span className="muted"> · {handler.title}</span> : null}
              </li>
            ))}
          </ul>
        )}
        <h3>{t('staffCase.exclusions')}</h3>
        {item.exclusions.length === 0 ? (
          <p>{t('staffCase.noExclusions')}</p>
        ) : (
          <ul data-exclusions>
            {item.exclusions.map((exclusion) => (
              <li key={exclusion.staff.id}>
                {exclusion.staff.name}: {t(`exclusionKind.${exclusion.kind}`)}
                {exclusion.reason ? ` (${exclusion.reason})` : ''}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
