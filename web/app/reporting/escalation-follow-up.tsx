/**
 * What came of an escalation, on the reporter's track page (ADR 0028): received by the
 * secretariat, the deadline it gave the agency, and the outcome with the secretariat's note.
 * Never the instruction's text, which is the agency's (the API does not give it here).
 */
import type { TrackedReport } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { formatDate, formatDateTime } from './formats';

export function EscalationFollowUp({ report, target }: { report: TrackedReport; target: string }) {
  const { locale, t } = useTranslation();
  const followUp = report.escalationFollowUp;
  if (!followUp?.acknowledgedAt) return null;
  const zone = report.receipt.timeZone;
  return (
    <div className="escalation-follow-up" data-escalation-follow-up>
      <p>{t('track.escalationAcknowledged', { target, at: formatDateTime(followUp.acknowledgedAt, zone, locale) })}</p>
      {followUp.instructionDeadline ? (
        <p>{t('track.escalationInstructed', { target, deadline: formatDate(followUp.instructionDeadline, zone, locale) })}</p>
      ) : null}
      {followUp.outcome ? (
        <>
          <p>
            <strong>{t('track.escalationOutcome', { outcome: t(`track.escalationOutcome.${followUp.outcome}`) })}</strong>
          </p>
          {followUp.outcomeNote ? <p className="outcome-note">{followUp.outcomeNote}</p> : null}
        </>
      ) : null}
    </div>
  );
}
