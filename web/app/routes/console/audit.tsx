/**
 * `/t/<slug>/konsol/audit` (the agency head) and `/konsol/sekretariat/audit` (the provincial
 * secretariat, every agency of its province, filterable by agency): the append-only log of
 * insider actions, newest first, in pages ("Lebih lama" carries the `before` cursor in the
 * address). Each entry: the time in the agency's zone, the action in words, who, on whom, the
 * case (linked), the agency, and the details in words. Others get the 404 page.
 */
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ConsolePage } from '../../console/console-page';
import { ConsoleTime } from '../../console/console-time';
import { consoleAuditPath, consoleCasePath } from '../../console/console-paths';
import { isValueOf } from '../../graphql/enum-values';
import { RoleChange, StaffRole } from '../../graphql/generated/graphql';
import type { AuditEntry } from '../../graphql/results';
import { AuditLogDocument } from '../../graphql/documents.server';
import { findMetaLocale, useTranslation } from '../../i18n/use-translation';
import type { Translate } from '../../i18n/translate';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { createReporterMeta } from '../../reporting/reporter-meta';
import { ApiError, callConsole, getConsoleFrame, requireViewer, startConsolePage, toConsolePageError } from '../../server/console.server';
import { createPageError } from '../../server/page-errors.server';

export const headers = reporterPageHeaders;

const PAGE_SIZE = 50;
/** An audit page cursor: an opaque token (docs/trust/live-cursors.md, "The audit log's ids"). */
const CURSOR = /^[A-Za-z0-9_-]{22}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args;
  const call = startConsolePage(args);
  const url = new URL(request.url);
  const beforeValue = url.searchParams.get('sebelum') ?? '';
  const before = CURSOR.test(beforeValue) ? beforeValue : null;
  const agencyValue = url.searchParams.get('instansi') ?? '';
  const agencySlug = call.scope.kind === 'secretariat' && SLUG.test(agencyValue) ? agencyValue : null;
  try {
    const result = await callConsole(call, AuditLogDocument, { first: PAGE_SIZE, before, agencySlug }).catch((error: unknown) => {
      // Only the head and the secretariat read the log; for anyone else the page does not exist.
      if (error instanceof ApiError && error.code === 'FORBIDDEN') throw createPageError('PAGE_NOT_FOUND');
      throw error;
    });
    const viewer = requireViewer(result.viewerStaff, request, call);
    const allowed = call.scope.kind === 'agency' ? viewer.roles.includes('AGENCY_HEAD') : viewer.roles.includes('PROVINCIAL_SECRETARIAT');
    if (!allowed) throw createPageError('PAGE_NOT_FOUND');
    const frame = await getConsoleFrame(call, viewer.provinceId);
    return data({ frame, themeStyle: frame.themeStyle ?? undefined, viewer, page: result.auditLog, before, agencySlug });
  } catch (error) {
    if (error instanceof Response) throw error;
    throw toConsolePageError(error, request, call);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? createReporterMeta(findMetaLocale(matches), data.frame.title || undefined, 'audit.title') : [];

function roleList(value: unknown, t: Translate): string | null {
  if (!Array.isArray(value)) return null;
  const roles = value.filter((role): role is StaffRole => isValueOf(StaffRole, role));
  return roles.length > 0 ? roles.map((role) => t(`staffRole.${role}`)).join(', ') : t('audit.noRoles');
}

/** The details of an entry in words: roles before and after, the change proposed, the reason; never ids. */
export function describeDetails(details: string, t: Translate): string[] {
  let parsed: Record<string, unknown>;
  try {
    const value: unknown = JSON.parse(details);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
    parsed = value as Record<string, unknown>;
  } catch {
    return [];
  }
  const lines: string[] = [];
  const role = isValueOf(StaffRole, parsed.role) ? parsed.role : null;
  const change = isValueOf(RoleChange, parsed.change) ? parsed.change : null;
  if (role && change) lines.push(t(`audit.detail.change.${change}`, { role: t(`staffRole.${role}`) }));
  const roles = roleList(parsed.roles, t);
  if (roles) lines.push(t('audit.detail.roles', { roles }));
  const before = roleList(parsed.before, t);
  if (before) lines.push(t('audit.detail.before', { roles: before }));
  const after = roleList(parsed.after, t);
  if (after) lines.push(t('audit.detail.after', { roles: after }));
  if (typeof parsed.restricted === 'boolean') {
    const count = Array.isArray(parsed.handlerIds) ? parsed.handlerIds.length : 0;
    lines.push(parsed.restricted ? t('audit.detail.restricted', { count }) : t('audit.detail.unrestricted'));
  }
  if (Array.isArray(parsed.recipients)) lines.push(t('audit.detail.recipients', { count: parsed.recipients.length }));
  if (parsed.demo === true) lines.push(t('audit.detail.demo'));
  if (typeof parsed.reason === 'string' && parsed.reason.trim()) lines.push(t('audit.detail.reason', { reason: parsed.reason.trim() }));
  return lines;
}

function AuditRows({ entries, showAgency }: { entries: AuditEntry[]; showAgency: boolean }) {
  const { t } = useTranslation();
  const { frame } = useLoaderData<typeof loader>();
  const agencies = new Map((frame.province?.tenants ?? []).map((tenant) => [tenant.slug, tenant]));
  return (
    <>
      {entries.map((entry) => {
        const zone = (entry.agencySlug ? agencies.get(entry.agencySlug)?.timeZone : null) ?? frame.timeZone;
        const actor = entry.actorName ?? (entry.actorLabel ? t('audit.operator', { label: entry.actorLabel }) : t('audit.unknown'));
        const details = describeDetails(entry.details, t);
        return (
          <tr key={entry.id} data-audit-entry={entry.id} data-action={entry.action}>
            <td data-label={t('audit.colWhen')} className="nowrap-wide">
              <ConsoleTime iso={entry.at} timeZone={zone} form="short" />
            </td>
            <th scope="row" data-label={t('audit.colAction')}>
              <div>{t(`auditAction.${entry.action}`)}</div>
            </th>
            <td data-label={t('audit.colActor')}>
              <div data-actor>{actor}</div>
            </td>
            <td data-label={t('audit.colSubject')}>
              <div data-subject>{entry.subjectName ?? t('audit.none')}</div>
            </td>
            <td data-label={t('audit.colCase')}>
              <div>
                {entry.caseId && entry.registrationNumber ? (
                  <a href={consoleCasePath(frame.scope, entry.caseId)} className="report-number" data-case-link={entry.registrationNumber}>
                    {entry.registrationNumber}
                  </a>
                ) : (
                  t('audit.none')
                )}
              </div>
            </td>
            {showAgency ? (
              <td data-label={t('audit.colAgency')}>
                <div data-agency={entry.agencySlug ?? ''}>
                  {(entry.agencySlug ? agencies.get(entry.agencySlug)?.shortName : null) ?? entry.agencyName ?? t('audit.none')}
                </div>
              </td>
            ) : null}
            <td data-label={t('audit.colDetails')}>
              {details.length > 0 ? (
                <ul className="audit-details" data-details>
                  {details.map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              ) : (
                <div>{t('audit.none')}</div>
              )}
            </td>
          </tr>
        );
      })}
    </>
  );
}

export default function AuditLog() {
  const { frame, viewer, page, before, agencySlug } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const secretariat = frame.scope.kind === 'secretariat';
  const path = consoleAuditPath(frame.scope);
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    if (agencySlug) params.set('instansi', agencySlug);
    for (const [key, value] of Object.entries(extra)) params.set(key, value);
    const text = params.toString();
    return text ? `${path}?${text}` : path;
  };
  return (
    <ConsolePage frame={frame} viewer={viewer} page="console-audit">
      <h1>{t('audit.title')}</h1>
      <p className="lead-text">{secretariat ? t('audit.secretariatIntro', { province: frame.shortName }) : t('audit.intro', { agency: frame.title })}</p>
      {secretariat ? (
        <form method="get" action={path} className="audit-filter" data-audit-filter>
          <div className="field">
            <label htmlFor="audit-agency">{t('audit.agency')}</label>
            <select id="audit-agency" name="instansi" defaultValue={agencySlug ?? ''}>
              <option value="">{t('audit.allAgencies')}</option>
              {(frame.province?.tenants ?? []).map((tenant) => (
                <option key={tenant.slug} value={tenant.slug}>
                  {tenant.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button secondary">
            {t('audit.show')}
          </button>
        </form>
      ) : null}
      {page.entries.length === 0 ? (
        <p data-no-entries>{t(before ? 'audit.emptyOlder' : 'audit.empty')}</p>
      ) : (
        <table className="inbox-table audit-table" data-audit-log>
          <caption className="visually-hidden">{t('audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.colWhen')}</th>
              <th scope="col">{t('audit.colAction')}</th>
              <th scope="col">{t('audit.colActor')}</th>
              <th scope="col">{t('audit.colSubject')}</th>
              <th scope="col">{t('audit.colCase')}</th>
              {secretariat ? <th scope="col">{t('audit.colAgency')}</th> : null}
              <th scope="col">{t('audit.colDetails')}</th>
            </tr>
          </thead>
          <tbody>
            <AuditRows entries={page.entries} showAgency={secretariat} />
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label={t('audit.caption')}>
        {page.hasMore && page.nextBefore ? (
          <a href={query({ sebelum: page.nextBefore })} rel="next" data-older>
            {t('audit.older')} →
          </a>
        ) : null}
        {before ? (
          <a href={query({})} data-newest>
            {t('audit.newest')}
          </a>
        ) : null}
      </nav>
    </ConsolePage>
  );
}
