/**
 * The monthly reports page's parts: the versions grouped by month (newest first) with their
 * downloads, and the form asking for a new version. Plain HTML that works without script.
 */
import type { MonthlyReportsQuery } from '../graphql/generated/graphql';
import { useTranslation } from '../i18n/use-translation';
import { findToday, formatBytes, formatMonthName, formatMonthYear } from '../reporting/formats';
import { ConsoleTime } from './console-time';
import { type ConsoleScope, consoleReportFilePath } from './console-paths';

export type MonthlyReport = MonthlyReportsQuery['monthlyReports'][number];

/** The versions by month, in the order the API gave them (newest month, then version, first). */
export function groupByMonth(reports: readonly MonthlyReport[]): { year: number; month: number; reports: MonthlyReport[] }[] {
  const groups: { year: number; month: number; reports: MonthlyReport[] }[] = [];
  for (const report of reports) {
    const last = groups[groups.length - 1];
    if (last && last.year === report.year && last.month === report.month) last.reports.push(report);
    else groups.push({ year: report.year, month: report.month, reports: [report] });
  }
  return groups;
}

function ReportRow({ report, scope, timeZone }: { report: MonthlyReport; scope: ConsoleScope; timeZone: string }) {
  const { t, locale } = useTranslation();
  const monthName = formatMonthYear(report.year, report.month, locale);
  const files = [
    { format: 'pdf' as const, label: 'PDF', size: report.pdfSize },
    { format: 'xlsx' as const, label: 'XLSX', size: report.xlsxSize },
  ];
  return (
    <tr data-report={report.id} data-state={report.state} data-version={report.version}>
      <th scope="row" data-label={t('reports.colName')}>
        <div data-report-name>{report.name}</div>
      </th>
      <td data-label={t('reports.colVersion')}>
        <div>
          {t('reports.version', { version: report.version })}{' '}
          <span className="muted" data-requested={report.requested}>
            ({t(report.requested ? 'reports.requested' : 'reports.scheduled')})
          </span>
        </div>
      </td>
      <td data-label={t('reports.colState')}>
        <div>
          <strong data-state-label>{t(`reports.state.${report.state}`)}</strong>
          <div className="muted">
            {report.generatedAt ? (
              <>
                {t('reports.generatedAt', { when: '' })}
                <ConsoleTime iso={report.generatedAt} timeZone={timeZone} form="short" />
              </>
            ) : (
              <>
                {t('reports.requestedAt', { when: '' })}
                <ConsoleTime iso={report.createdAt} timeZone={timeZone} form="short" />
              </>
            )}
          </div>
          {report.state === 'FAILED' ? <div className="muted">{t('reports.failedHelp')}</div> : null}
        </div>
      </td>
      <td data-label={t('reports.colCases')}>
        <div data-case-count>{report.caseCount ?? '–'}</div>
      </td>
      <td data-label={t('reports.colFiles')}>
        <div className="report-files">
          {report.state === 'READY' ? (
            files.map((file) =>
              file.size !== null && file.size !== undefined ? (
                <a
                  key={file.format}
                  href={consoleReportFilePath(scope, report.id, file.format)}
                  download
                  data-download={file.format}
                  aria-label={t('reports.downloadLabel', { format: file.label, name: report.name, month: monthName, version: report.version })}
                >
                  {t('reports.download', { format: file.label, size: formatBytes(file.size, locale) })}
                </a>
              ) : null,
            )
          ) : (
            <span className="muted">{t('reports.noFiles')}</span>
          )}
        </div>
      </td>
    </tr>
  );
}

export function MonthlyReportList({ reports, scope, timeZone }: { reports: readonly MonthlyReport[]; scope: ConsoleScope; timeZone: string }) {
  const { t, locale } = useTranslation();
  if (reports.length === 0) return <p data-no-reports>{t('reports.empty')}</p>;
  return (
    <>
      {groupByMonth(reports).map((group) => {
        const month = formatMonthYear(group.year, group.month, locale);
        return (
          <section key={`${group.year}-${group.month}`} data-report-month={`${group.year}-${String(group.month).padStart(2, '0')}`}>
            <h2>{month}</h2>
            <table className="inbox-table" data-monthly-reports>
              <caption className="visually-hidden">{t('reports.caption', { month })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.colName')}</th>
                  <th scope="col">{t('reports.colVersion')}</th>
                  <th scope="col">{t('reports.colState')}</th>
                  <th scope="col">{t('reports.colCases')}</th>
                  <th scope="col">{t('reports.colFiles')}</th>
                </tr>
              </thead>
              <tbody>
                {group.reports.map((report) => (
                  <ReportRow key={report.id} report={report} scope={scope} timeZone={timeZone} />
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}

export interface ReportTargetOption {
  value: string;
  label: string;
}

/** The last month that has ended in the time zone: what the form offers first. */
export function lastEndedMonth(timeZone: string, now = new Date()): { year: number; month: number } {
  const [year, month] = findToday(timeZone, now).split('-').map(Number) as [number, number];
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}

export function MonthlyReportForm({
  action,
  targets,
  timeZone,
  problem,
}: {
  action: string;
  /** The secretariat's choice (province, agencies); empty for an agency's console. */
  targets: readonly ReportTargetOption[];
  timeZone: string;
  problem: { message: string; values: { target: string; year: string; month: string } } | null;
}) {
  const { t, locale } = useTranslation();
  const last = lastEndedMonth(timeZone);
  const year = problem?.values.year || String(last.year);
  const month = problem?.values.month || String(last.month);
  const months = Array.from({ length: 12 }, (_, index) => index + 1);
  return (
    <section className="report-request" aria-labelledby="report-request-title">
      <h2 id="report-request-title">{t('reports.formTitle')}</h2>
      <p className="muted">{t('reports.formIntro')}</p>
      <form method="post" action={action} data-report-request noValidate>
        {problem ? (
          <p className="error" role="alert" id="report-problem" data-report-problem>
            {problem.message}
          </p>
        ) : null}
        {targets.length > 0 ? (
          <div className="field">
            <label htmlFor="report-target">{t('reports.target')}</label>
            <select id="report-target" name="target" defaultValue={problem?.values.target || targets[0]?.value}>
              {targets.map((target) => (
                <option key={target.value} value={target.value}>
                  {target.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="report-month">{t('reports.month')}</label>
          <select id="report-month" name="month" defaultValue={month} aria-describedby={problem ? 'report-problem' : undefined}>
            {months.map((value) => (
              <option key={value} value={String(value)}>
                {formatMonthName(value, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="report-year">{t('reports.year')}</label>
          <input
            id="report-year"
            name="year"
            type="text"
            inputMode="numeric"
            pattern="[0-9]{4}"
            maxLength={4}
            size={6}
            defaultValue={year}
            required
            aria-describedby={problem ? 'report-problem' : undefined}
          />
        </div>
        <button type="submit" className="button">
          {t('reports.submit')}
        </button>
      </form>
    </section>
  );
}
