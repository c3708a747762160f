import type { InboxCase } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { ConsoleTime } from './console-time';
import { consoleCasePath, type ConsoleScope } from './console-paths';
import { DeadlineBadges, InstructionDeadlineBadge } from './deadline-badge';

/**
 * The inbox as a table on a desktop; below 48rem each row becomes a card (CSS only), each
 * cell labelled with its column, so nothing scrolls sideways at 360 px.
 */
export function InboxTable({ scope, cases, showAgency }: { scope: ConsoleScope; cases: readonly InboxCase[]; showAgency: boolean }) {
  const { t } = useTranslation();
  const none = t('inbox.none');
  return (
    <table className="inbox-table" data-inbox>
      <caption className="visually-hidden">{t('inbox.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('inbox.colNumber')}</th>
          <th scope="col">{t('inbox.colTitle')}</th>
          {showAgency ? <th scope="col">{t('inbox.colAgency')}</th> : null}
          <th scope="col">{t('inbox.colType')}</th>
          <th scope="col">{t('inbox.colCategory')}</th>
          <th scope="col">{t('inbox.colChannel')}</th>
          <th scope="col">{t('inbox.colStatus')}</th>
          <th scope="col">{t('inbox.colPriority')}</th>
          <th scope="col">{t('inbox.colReceived')}</th>
          <th scope="col">{t('inbox.colDeadline')}</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((item) => (
          <tr key={item.id} data-case-row={item.registrationNumber} data-status={item.status}>
            <th scope="row" data-label={t('inbox.colNumber')}>
              <a href={consoleCasePath(scope, item.id)} className="report-number">
                {item.registrationNumber}
              </a>
            </th>
            <td data-label={t('inbox.colTitle')} className="case-cell-title">
              <div>
                {item.title}
                {item.restricted ? <span className="badge restricted">{t('inbox.restricted')}</span> : null}
              </div>
            </td>
            {showAgency ? <td data-label={t('inbox.colAgency')}>{item.agency.shortName}</td> : null}
            <td data-label={t('inbox.colType')}>{item.caseType?.name ?? none}</td>
            <td data-label={t('inbox.colCategory')}>{item.category?.name ?? none}</td>
            <td data-label={t('inbox.colChannel')}>{item.channel?.name ?? none}</td>
            <td data-label={t('inbox.colStatus')}>{t(`staffStatus.${item.status}`)}</td>
            <td data-label={t('inbox.colPriority')}>
              <span className={`priority ${item.priority.toLowerCase()}`}>{t(`priority.${item.priority}`)}</span>
            </td>
            <td data-label={t('inbox.colReceived')} className="nowrap-wide">
              <ConsoleTime iso={item.receivedAt} timeZone={item.agency.timeZone} form="short" />
            </td>
            <td data-label={t('inbox.colDeadline')}>
              <div>
                {item.currentStage ? (
                  <span className="deadline-date">
                    <ConsoleTime iso={item.currentStage.deadline} timeZone={item.agency.timeZone} form="short" />
                  </span>
                ) : null}
                <DeadlineBadges stage={item.currentStage} escalatedAt={item.escalatedAt} />
                <InstructionDeadlineBadge deadline={item.instructionDeadline} timeZone={item.agency.timeZone} />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
