import type { CurrentStage } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { formatShortDate } from '../reporting/formats';
import { findDeadlineState } from './console-format';

const TEXT = {
  onTime: 'deadline.onTime',
  dueSoon: 'deadline.dueSoon',
  overdue: 'deadline.overdue',
  paused: 'deadline.paused',
  none: 'deadline.none',
} as const;

/** How the running stage stands, in words and colour (never colour alone); plus provisional and escalated marks. */
export function DeadlineBadges({ stage, escalatedAt }: { stage: CurrentStage | null; escalatedAt: string | null }) {
  const { t } = useTranslation();
  const state = findDeadlineState(stage);
  return (
    <span className="badges">
      {state === 'none' ? null : (
        <span className={`badge deadline ${state}`} data-deadline={state}>
          {t(TEXT[state])}
        </span>
      )}
      {stage?.provisional ? (
        <span className="badge provisional" data-provisional title={t('deadline.provisionalHint')}>
          {t('deadline.provisional')}
        </span>
      ) : null}
      {escalatedAt ? (
        <span className="badge escalated" data-escalated>
          {t('deadline.escalated')}
        </span>
      ) : null}
    </span>
  );
}

/**
 * The province's secretariat's instructed deadline on an escalation (ADR 0028), until its outcome
 * is recorded: "Instruksi sekretariat: s.d. 12 Des 2026", the date in the agency's time zone;
 * overdue once it has passed (in words, not colour alone).
 */
export function InstructionDeadlineBadge({ deadline, timeZone }: { deadline: string | null; timeZone: string }) {
  const { t, locale } = useTranslation();
  if (!deadline) return null;
  const overdue = Date.parse(deadline) < Date.now();
  const date = formatShortDate(deadline, timeZone, locale);
  return (
    <span className={overdue ? 'badge instruction overdue' : 'badge instruction'} data-instruction-deadline={overdue ? 'overdue' : 'running'}>
      {t(overdue ? 'followUp.inboxBadgeOverdue' : 'followUp.inboxBadge', { date })}
    </span>
  );
}
