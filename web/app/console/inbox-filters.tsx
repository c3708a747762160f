import { CASE_PRIORITIES, CASE_STATUSES } from './enum-order';
import type { KeyedName } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { INBOX_PARAMS, isFiltered, type InboxQuery } from './inbox-query';

function Select({ id, label, value, options }: { id: string; label: string; value: string; options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={`filter-${id}`}>{label}</label>
      <select id={`filter-${id}`} name={id} defaultValue={value}>
        <option value="">{t('inbox.all')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const toOptions = (items: readonly KeyedName[]) => items.map((item) => ({ value: item.key, label: item.name }));

/**
 * The inbox filters: a GET form, so it works without a script and the address says what is
 * shown. Type, category and channel are an agency's own keys; the secretariat filters by agency.
 */
export function InboxFilters({
  base,
  query,
  caseTypes,
  categories,
  channels,
  agencies,
}: {
  base: string;
  query: InboxQuery;
  caseTypes: readonly KeyedName[];
  categories: readonly KeyedName[];
  channels: readonly KeyedName[];
  agencies: readonly KeyedName[];
}) {
  const { t } = useTranslation();
  return (
    <details className="inbox-filters" open={isFiltered(query) || undefined}>
      <summary>{isFiltered(query) ? t('inbox.filtersActive') : t('inbox.filters')}</summary>
      {/* biome-ignore lint/a11y/useSemanticElements: React 18 does not know <search>; the role says the same to assistive technology. */}
      <form method="get" action={base} role="search" aria-label={t('inbox.filters')}>
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="filter-cari">{t('inbox.filterSearch')}</label>
            <input
              type="search"
              id="filter-cari"
              name={INBOX_PARAMS.search}
              defaultValue={query.search}
              aria-describedby="filter-cari-hint"
              spellCheck={false}
            />
            <p className="hint" id="filter-cari-hint">
              {t('inbox.filterSearchHint')}
            </p>
          </div>
          {agencies.length > 0 ? <Select id={INBOX_PARAMS.agency} label={t('inbox.filterAgency')} value={query.agency} options={toOptions(agencies)} /> : null}
          <Select
            id={INBOX_PARAMS.status}
            label={t('inbox.filterStatus')}
            value={query.status}
            options={CASE_STATUSES.map((value) => ({ value, label: t(`staffStatus.${value}`) }))}
          />
          {caseTypes.length > 0 ? (
            <Select id={INBOX_PARAMS.caseType} label={t('inbox.filterType')} value={query.caseType} options={toOptions(caseTypes)} />
          ) : null}
          {categories.length > 0 ? (
            <Select id={INBOX_PARAMS.category} label={t('inbox.filterCategory')} value={query.category} options={toOptions(categories)} />
          ) : null}
          {channels.length > 0 ? (
            <Select id={INBOX_PARAMS.channel} label={t('inbox.filterChannel')} value={query.channel} options={toOptions(channels)} />
          ) : null}
          <Select
            id={INBOX_PARAMS.priority}
            label={t('inbox.filterPriority')}
            value={query.priority}
            options={[...CASE_PRIORITIES].reverse().map((value) => ({ value, label: t(`priority.${value}`) }))}
          />
          <div className="checks">
            <label className="check">
              <input type="checkbox" name={INBOX_PARAMS.overdue} value="1" defaultChecked={query.overdue} /> {t('inbox.filterOverdue')}
            </label>
            <label className="check">
              <input type="checkbox" name={INBOX_PARAMS.escalated} value="1" defaultChecked={query.escalated} /> {t('inbox.filterEscalated')}
            </label>
          </div>
        </div>
        <div className="actions-inline">
          <button type="submit" className="button">
            {t('inbox.apply')}
          </button>
          {isFiltered(query) ? <a href={base}>{t('inbox.reset')}</a> : null}
        </div>
      </form>
    </details>
  );
}
