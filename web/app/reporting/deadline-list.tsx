import type { StageDeadline } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { formatDate } from './formats';

/** "Verifikasi: paling lambat Kamis, 9 Juli 2026", with a note on a provisional date. */
export function DeadlineList({ deadlines, timeZone }: { deadlines: readonly StageDeadline[]; timeZone: string }) {
  const { locale, t } = useTranslation();
  if (deadlines.length === 0) return <p>{t('receipt.noDeadlines')}</p>;
  return (
    <ul className="deadline-list">
      {deadlines.map((stage) => (
        <li key={stage.key}>
          {t('receipt.deadline', { stage: stage.name, date: formatDate(stage.deadline, timeZone, locale) })}
          {stage.provisional ? <span className="muted"> ({t('receipt.provisional')})</span> : null}
        </li>
      ))}
    </ul>
  );
}
