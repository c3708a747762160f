import type { CurrentStage } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
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
