/**
 * The dashboard's form and tables (routes/console/figures.tsx). Every table sits in its own
 * scrolling box, so a 360 px phone scrolls the table, not the page. Open-now figures link to
 * the inbox filtered to their cases (the inbox filters by status, overdue, escalated, agency
 * and case type; it has no date range, so range figures link nowhere) when the role opens cases.
 */
import type { ReactNode } from 'react';
import type { ConsoleFiguresQuery } from '../graphql/generated/graphql';
import type { MessageKey } from '../i18n/messages';
import { useTranslation } from '../i18n/use-translation';
import { consoleCasePath, consoleInboxPath, type ConsoleScope } from './console-paths';
import { createFiguresSearch, FIGURES_PARAMS, type FiguresQuery } from './figures-query';
import { INBOX_PARAMS } from './inbox-query';

type Figures = ConsoleFiguresQuery['figures'];
type AgencyRow = Figures['agencies'][number];
type Totals = Figures['total'];
type OpenNow = Figures['totalOpenNow'];
type Choice = { key: string; name: string };

const PROBLEMS = ['RANGE_REVERSED', 'RANGE_TOO_LONG', 'RANGE_IN_FUTURE', 'INVALID_DATE', 'NOT_FOUND'];

function Scroll({ label, children }: { label: string; children: ReactNode }) {
  // Focusable, so a keyboard can scroll a table wider than the screen.
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
    <section className="figures-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

export function FiguresForm({
  base,
  query,
  caseTypes,
  agencies,
  problem,
}: {
  base: string;
  query: FiguresQuery;
  caseTypes: Choice[];
  agencies: Choice[];
  problem: string | null;
}) {
  const { t } = useTranslation();
  const message = problem ? t(`figures.bad.${PROBLEMS.includes(problem) ? problem : 'other'}` as MessageKey) : null;
  return (
    <form method="get" action={base} className="figures-form" aria-label={t('figures.form')} data-figures-form>
      <div className="field">
        <label htmlFor="figures-from">{t('figures.from')}</label>
        <input
          id="figures-from"
          name={FIGURES_PARAMS.from}
          type="date"
          defaultValue={query.from}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'figures-problem' : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="figures-to">{t('figures.to')}</label>
        <input
          id="figures-to"
          name={FIGURES_PARAMS.to}
          type="date"
          defaultValue={query.to}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'figures-problem' : undefined}
        />
      </div>
      {caseTypes.length > 0 ? (
        <div className="field">
          <label htmlFor="figures-case-type">{t('figures.caseType')}</label>
          <select id="figures-case-type" name={FIGURES_PARAMS.caseType} defaultValue={query.caseType}>
            <option value="">{t('figures.all')}</option>
            {caseTypes.map((item) => (
              <option key={item.key} value={item.key}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {agencies.length > 0 ? (
        <div className="field">
          <label htmlFor="figures-agency">{t('figures.agency')}</label>
          <select id="figures-agency" name={FIGURES_PARAMS.agency} defaultValue={query.agency}>
            <option value="">{t('figures.all')}</option>
            {agencies.map((item) => (
              <option key={item.key} value={item.key}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" className="button">
        {t('figures.show')}
      </button>
      {message ? (
        <p id="figures-problem" className="warning" role="alert" data-figures-problem={problem}>
          {message}
        </p>
      ) : null}
    </form>
  );
}

function useFormat() {
  const { t, locale } = useTranslation();
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 });
  const days = (figure: Totals['resolution']) =>
    figure.medianWorkingDays === null || figure.p90WorkingDays === null
      ? t('figures.noTime', { cases: figure.cases })
      : t('figures.days', { median: number.format(figure.medianWorkingDays), p90: number.format(figure.p90WorkingDays), cases: figure.cases });
  const share = (count: number, base: number) =>
    base > 0 ? t('figures.share', { count, base, percent: number.format(Math.round((count / base) * 1000) / 10) }) : t('figures.noShare');
  return { t, number, days, share };
}

/** The inbox filtered to some open cases of an agency (or of all), when the role opens cases. */
function inboxHref(scope: ConsoleScope, query: FiguresQuery, agencySlug: string | null, filter: Record<string, string>): string {
  const params = new URLSearchParams(filter);
  if (scope.kind === 'secretariat' && agencySlug) params.set(INBOX_PARAMS.agency, agencySlug);
  if (query.caseType) params.set(INBOX_PARAMS.caseType, query.caseType);
  return `${consoleInboxPath(scope)}?${params.toString()}`;
}

function Count({ value, href }: { value: number; href: string | null }) {
  return href && value > 0 ? <a href={href}>{value}</a> : value;
}

function TotalsCells({ totals, satisfaction }: { totals: Totals; satisfaction: AgencyRow['satisfaction'] }) {
  const { t, days, share } = useFormat();
  return (
    <>
      <td data-figure="received">{totals.received}</td>
      <td data-figure="answered">{totals.answered}</td>
      <td data-figure="rejected">{totals.rejected}</td>
      <td data-figure="transferred">{totals.transferred}</td>
      <td data-figure="open">{totals.open}</td>
      <td data-figure="escalated">{totals.escalated}</td>
      <td data-figure="within">{share(totals.withinStandard, totals.answeredWithStandard)}</td>
      <td data-figure="first-response">{days(totals.firstResponse)}</td>
      <td data-figure="resolution">{days(totals.resolution)}</td>
      <td data-figure="satisfaction">{satisfaction ? share(satisfaction.satisfied, satisfaction.rated) : t('figures.none')}</td>
    </>
  );
}

function SideBySide({ figures, query, scope }: { figures: Figures; query: FiguresQuery; scope: ConsoleScope }) {
  const { t } = useFormat();
  const secretariat = scope.kind === 'secretariat';
  return (
    <section aria-labelledby="figures-side-by-side">
      <h2 id="figures-side-by-side">{t('figures.sideBySide')}</h2>
      <Scroll label={t('figures.sideBySideCaption')}>
        <table className="figures-table" data-figures-agencies>
          <caption className="visually-hidden">{t('figures.sideBySideCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('figures.colAgency')}</th>
              <th scope="col">{t('figures.colReceived')}</th>
              <th scope="col">{t('figures.colAnswered')}</th>
              <th scope="col">{t('figures.colRejected')}</th>
              <th scope="col">{t('figures.colTransferred')}</th>
              <th scope="col">{t('figures.colOpen')}</th>
              <th scope="col">{t('figures.colEscalated')}</th>
              <th scope="col">{t('figures.colWithin')}</th>
              <th scope="col">{t('figures.colFirstResponse')}</th>
              <th scope="col">{t('figures.colResolution')}</th>
              <th scope="col">{t('figures.colSatisfaction')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.agencies.map((row) => (
              <tr key={row.agency.slug} data-agency={row.agency.slug}>
                <th scope="row">
                  {secretariat && figures.agencies.length > 1 ? (
                    <a href={createFiguresSearch({ ...query, agency: row.agency.slug })} data-drill-down={row.agency.slug}>
                      {row.agency.shortName}
                      <span className="visually-hidden"> ({t('figures.drillDown', { agency: row.agency.name })})</span>
                    </a>
                  ) : (
                    row.agency.shortName
                  )}
                </th>
                <TotalsCells totals={row.totals} satisfaction={row.satisfaction} />
              </tr>
            ))}
          </tbody>
          {figures.agencies.length > 1 ? (
            <tfoot>
              <tr data-agency="total">
                <th scope="row">{t('figures.total')}</th>
                <TotalsCells totals={figures.total} satisfaction={figures.totalSatisfaction} />
              </tr>
            </tfoot>
          ) : null}
        </table>
      </Scroll>
      {secretariat && query.agency ? (
        <p>
          <a href={createFiguresSearch({ ...query, agency: '' })} data-back-to-province>
            {t('figures.backToProvince')}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function OpenNowCells({
  open,
  href,
  statuses,
  buckets,
}: {
  open: OpenNow;
  href: (filter: Record<string, string>) => string | null;
  statuses: string[];
  buckets: string[];
}) {
  return (
    <>
      <td data-figure="open-now">
        <Count value={open.open} href={href({})} />
      </td>
      {statuses.map((status) => (
        <td key={status}>
          <Count value={open.byStatus.find((row) => row.status === status)?.open ?? 0} href={href({ [INBOX_PARAMS.status]: status })} />
        </td>
      ))}
      <td data-figure="overdue-now">
        <Count value={open.overdue} href={href({ [INBOX_PARAMS.overdue]: '1' })} />
      </td>
      <td data-figure="escalated-now">
        <Count value={open.escalated} href={href({ [INBOX_PARAMS.escalated]: '1' })} />
      </td>
      {buckets.map((label, index) => (
        <td key={label} data-ageing={index}>
          {open.ageing[index] ?? 0}
        </td>
      ))}
    </>
  );
}

const OPEN_STATUSES = ['SUBMITTED', 'IN_VERIFICATION', 'NEEDS_INFO', 'ACCEPTED', 'IN_FOLLOW_UP'];

function OpenNowTable({ figures, query, scope, canOpenCases }: { figures: Figures; query: FiguresQuery; scope: ConsoleScope; canOpenCases: boolean }) {
  const { t } = useFormat();
  const bounds = figures.ageingBucketDays;
  const buckets = [
    ...bounds.map((to, index) => t('figures.ageingBucket', { from: index === 0 ? 0 : bounds[index - 1]! + 1, to })),
    t('figures.ageingOver', { days: bounds.at(-1) ?? 0 }),
  ];
  const hrefFor = (slug: string | null) => (filter: Record<string, string>) => (canOpenCases ? inboxHref(scope, query, slug, filter) : null);
  return (
    <section aria-labelledby="figures-open-now">
      <h2 id="figures-open-now">{t('figures.openNow')}</h2>
      <Scroll label={t('figures.openNowCaption')}>
        <table className="figures-table" data-figures-open-now>
          <caption className="visually-hidden">{t('figures.openNowCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('figures.colAgency')}</th>
              <th scope="col">{t('figures.colOpenNow')}</th>
              {OPEN_STATUSES.map((status) => (
                <th scope="col" key={status}>
                  {t(`staffStatus.${status}` as MessageKey)}
                </th>
              ))}
              <th scope="col">{t('figures.colOverdue')}</th>
              <th scope="col">{t('figures.colEscalated')}</th>
              {buckets.map((label) => (
                <th scope="col" key={label}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {figures.agencies.map((row) => (
              <tr key={row.agency.slug} data-agency={row.agency.slug}>
                <th scope="row">{row.agency.shortName}</th>
                <OpenNowCells open={row.openNow} href={hrefFor(row.agency.slug)} statuses={OPEN_STATUSES} buckets={buckets} />
              </tr>
            ))}
          </tbody>
          {figures.agencies.length > 1 ? (
            <tfoot>
              <tr data-agency="total">
                <th scope="row">{t('figures.total')}</th>
                <OpenNowCells open={figures.totalOpenNow} href={hrefFor(null)} statuses={OPEN_STATUSES} buckets={buckets} />
              </tr>
            </tfoot>
          ) : null}
        </table>
      </Scroll>
    </section>
  );
}

function Stages({ figures }: { figures: Figures }) {
  const { t } = useFormat();
  const rows = figures.agencies.flatMap((row) => row.stages.map((stage) => ({ agency: row.agency.shortName, slug: row.agency.slug, ...stage })));
  return (
    <section aria-labelledby="figures-stages">
      <h2 id="figures-stages">{t('figures.stages')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('figures.noStages')}</p>
      ) : (
        <Scroll label={t('figures.stagesCaption')}>
          <table className="figures-table" data-figures-stages>
            <caption className="visually-hidden">{t('figures.stagesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('figures.colAgency')}</th>
                <th scope="col">{t('figures.colStage')}</th>
                <th scope="col">{t('figures.colOnTime')}</th>
                <th scope="col">{t('figures.colLate')}</th>
                <th scope="col">{t('figures.colRunning')}</th>
                <th scope="col">{t('figures.colRunningOverdue')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.slug}/${row.stageKey}`} data-stage={`${row.slug}/${row.stageKey}`}>
                  <td>{row.agency}</td>
                  <th scope="row">{row.name}</th>
                  <td>{row.onTime}</td>
                  <td>{row.late}</td>
                  <td>{row.open}</td>
                  <td>{row.openOverdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
    </section>
  );
}

function Attention({ figures, scope }: { figures: Figures; scope: ConsoleScope }) {
  const { t } = useFormat();
  const list = figures.attention;
  return (
    <section aria-labelledby="figures-attention" data-figures-attention>
      <h2 id="figures-attention">{t('figures.attention')}</h2>
      {!list ? (
        <p className="muted" data-attention-hidden>
          {t('figures.attentionHidden')}
        </p>
      ) : list.cases.length === 0 ? (
        <p>{t('figures.attentionNone')}</p>
      ) : (
        <>
          <p role="status">{t('figures.attentionCount', { shown: list.cases.length, total: list.total })}</p>
          <Scroll label={t('figures.attentionCaption')}>
            <table className="figures-table">
              <caption className="visually-hidden">{t('figures.attentionCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('figures.colNumber')}</th>
                  <th scope="col">{t('figures.colAgency')}</th>
                  <th scope="col">{t('figures.colStatus')}</th>
                  <th scope="col">{t('figures.colStage')}</th>
                  <th scope="col">{t('figures.colDaysOverdue')}</th>
                  <th scope="col">{t('figures.colEscalated')}</th>
                </tr>
              </thead>
              <tbody>
                {list.cases.map((row) => (
                  <tr key={row.id} data-attention-case={row.registrationNumber}>
                    <th scope="row">
                      <a href={consoleCasePath(scope, row.id)} className="report-number">
                        {row.registrationNumber}
                      </a>
                    </th>
                    <td>{row.agency.shortName}</td>
                    <td>{t(`staffStatus.${row.status}` as MessageKey)}</td>
                    <td>{row.stageName ?? ''}</td>
                    <td>{row.daysOverdue ?? t('figures.notOverdue')}</td>
                    <td>{row.escalatedAt ? t('figures.escalatedYes') : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
        </>
      )}
    </section>
  );
}

const DIMENSIONS = ['CASE_TYPE', 'CATEGORY', 'CHANNEL', 'STATUS'] as const;

function AgencyDetail({ row: given }: { row: AgencyRow }) {
  const { t } = useFormat();
  // Asked for whenever the page shows one agency (routes/console/figures.tsx).
  const row = { ...given, breakdowns: given.breakdowns ?? [], months: given.months ?? [] };
  return (
    <>
      <section aria-labelledby="figures-breakdowns">
        <h2 id="figures-breakdowns">{t('figures.breakdowns')}</h2>
        {DIMENSIONS.map((dimension) => {
          const items = row.breakdowns.filter((item) => item.dimension === dimension);
          if (items.length === 0) return null;
          const caption = t(`figures.dimension.${dimension}` as MessageKey);
          return (
            <Scroll key={dimension} label={caption}>
              <table className="figures-table" data-breakdown={dimension}>
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('figures.colItem')}</th>
                    <th scope="col">{t('figures.colReceived')}</th>
                    <th scope="col">{t('figures.colAnswered')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.key ?? 'none'}>
                      <th scope="row">{dimension === 'STATUS' && item.key ? t(`staffStatus.${item.key}` as MessageKey) : (item.label ?? t('figures.none'))}</th>
                      <td>{item.received}</td>
                      <td>{item.answered}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Scroll>
          );
        })}
        {row.months.length > 0 ? (
          <Scroll label={t('figures.months')}>
            <table className="figures-table" data-figures-months>
              <caption>{t('figures.months')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('figures.colMonth')}</th>
                  <th scope="col">{t('figures.colReceived')}</th>
                  <th scope="col">{t('figures.colAnswered')}</th>
                </tr>
              </thead>
              <tbody>
                {row.months.map((month) => (
                  <tr key={month.month}>
                    <th scope="row">{month.month}</th>
                    <td>{month.received}</td>
                    <td>{month.answered}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
        ) : null}
      </section>
      {row.handlers ? (
        <section aria-labelledby="figures-handlers">
          <h2 id="figures-handlers">{t('figures.handlers')}</h2>
          {row.handlers.length === 0 ? (
            <p className="muted">{t('figures.noHandlers')}</p>
          ) : (
            <Scroll label={t('figures.handlersCaption')}>
              <table className="figures-table" data-figures-handlers>
                <caption className="visually-hidden">{t('figures.handlersCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('figures.colHandler')}</th>
                    <th scope="col">{t('figures.colHandled')}</th>
                    <th scope="col">{t('figures.colAnswered')}</th>
                    <th scope="col">{t('figures.colWithin')}</th>
                    <th scope="col">{t('figures.colOpenNow')}</th>
                    <th scope="col">{t('figures.colOverdue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {row.handlers.map((handler) => (
                    <tr key={handler.staffId}>
                      <th scope="row">{handler.name}</th>
                      <td>{handler.handled}</td>
                      <td>{handler.answered}</td>
                      <td>{handler.withinStandard}</td>
                      <td>{handler.open}</td>
                      <td>{handler.openOverdue}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Scroll>
          )}
        </section>
      ) : null}
    </>
  );
}

export function FiguresView({ figures, query, scope, canOpenCases }: { figures: Figures; query: FiguresQuery; scope: ConsoleScope; canOpenCases: boolean }) {
  const { t } = useFormat();
  const single = figures.agencies.length === 1 ? figures.agencies[0]! : null;
  return (
    <div className="figures" data-figures>
      <p role="status" data-figures-range>
        {t('figures.range', { from: figures.from, to: figures.to })}
      </p>
      <SideBySide figures={figures} query={query} scope={scope} />
      <OpenNowTable figures={figures} query={query} scope={scope} canOpenCases={canOpenCases} />
      <Attention figures={figures} scope={scope} />
      <Stages figures={figures} />
      {single ? <AgencyDetail row={single} /> : null}
      {canOpenCases ? <p className="muted">{t('figures.liveNote')}</p> : null}
    </div>
  );
}
