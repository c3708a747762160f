/**
 * The monthly reports as staff see them: the versions they may read (CASL `read MonthlyReport`,
 * auth/abilities.ts, inside row-level security), a request for a new version (`request`), and a
 * version's file, each download recorded in the audit log. A report the viewer may not read is
 * NOT_FOUND, the same as one that does not exist.
 */
import { subject } from '@casl/ability';
import { accessibleBy } from '@casl/prisma/runtime';
import { recordAudit } from '../audit/audit-log.service.ts';
import { withDataScope, type DataScope } from '../auth/data-scope.ts';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import type { Database } from '../db.ts';
import type { EvidenceStorage } from '../evidence/evidence-storage.ts';
import { AppError } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { localize, type Locale, type LocalizedText } from '../i18n/locale.ts';
import { endedMonth } from './figure-filter.ts';
import type { ReportTarget } from './monthly-report-content.service.ts';
import { MAX_ATTEMPTS, requestReportVersion } from './monthly-report.service.ts';

export type ReportState = 'GENERATING' | 'READY' | 'FAILED';

export interface MonthlyReportView {
  id: string;
  scope: 'AGENCY' | 'PROVINCE';
  /** The agency's or the province's name. */
  name: string;
  tenantId: string | null;
  provinceId: string | null;
  year: number;
  month: number;
  version: number;
  state: ReportState;
  requested: boolean;
  createdAt: Date;
  generatedAt: Date | null;
  caseCount: number | null;
  pdfSize: number | null;
  xlsxSize: number | null;
}

/** At most this many versions in one list. */
export const MONTHLY_REPORTS_MAX = 500;

/** The scope in which a viewer's reports and figures are read: the operator's is every agency. */
export async function staffFigureScope(db: Database, viewer: StaffViewer): Promise<DataScope> {
  if (!viewer.roles.includes('PLATFORM_OPERATOR')) return viewer.scope;
  const tenants = await db.prisma.tenant.findMany({ select: { id: true } });
  return { tenantIds: tenants.map((tenant) => tenant.id) };
}

function readableWhere(viewer: StaffViewer): Prisma.MonthlyReportWhereInput {
  if (!viewer.ability.can('read', 'MonthlyReport')) throw new AppError('FORBIDDEN', 'Your role does not see monthly reports.');
  return accessibleBy(viewer.ability, 'read').ofType('MonthlyReport') as Prisma.MonthlyReportWhereInput;
}

type ReportRow = Prisma.MonthlyReportGetPayload<object>;

function stateOf(row: Pick<ReportRow, 'status' | 'attempts' | 'leaseUntil'>, now: Date): ReportState {
  if (row.status === 'READY') return 'READY';
  return row.attempts >= MAX_ATTEMPTS && row.leaseUntil <= now ? 'FAILED' : 'GENERATING';
}

async function namesOf(db: Database, rows: ReportRow[], locale: Locale): Promise<Map<string, string>> {
  const tenantIds = [...new Set(rows.map((row) => row.tenantId).filter((id): id is string => id !== null))];
  const provinceIds = [...new Set(rows.map((row) => row.provinceId).filter((id): id is string => id !== null))];
  const [tenants, provinces] = await Promise.all([
    db.prisma.tenant.findMany({ where: { id: { in: tenantIds } }, select: { id: true, name: true } }),
    db.prisma.province.findMany({ where: { id: { in: provinceIds } }, select: { id: true, name: true } }),
  ]);
  return new Map([...tenants, ...provinces].map((item) => [item.id, localize(item.name as unknown as LocalizedText, locale) ?? '']));
}

function toView(row: ReportRow, names: Map<string, string>, now: Date): MonthlyReportView {
  return {
    id: row.id,
    scope: row.scope,
    name: names.get(row.tenantId ?? row.provinceId ?? '') ?? '',
    tenantId: row.tenantId,
    provinceId: row.provinceId,
    year: row.year,
    month: row.month,
    version: row.version,
    state: stateOf(row, now),
    requested: row.requestedById !== null,
    createdAt: row.createdAt,
    generatedAt: row.generatedAt,
    caseCount: row.caseCount,
    pdfSize: row.pdfSize,
    xlsxSize: row.xlsxSize,
  };
}

/** The versions the viewer may read, newest month and version first; of one year when given. */
export async function listMonthlyReports(db: Database, viewer: StaffViewer, input: { year?: number | null; locale: Locale }, now = new Date()) {
  const where: Prisma.MonthlyReportWhereInput = { AND: [readableWhere(viewer), input.year ? { year: input.year } : {}] };
  const scope = await staffFigureScope(db, viewer);
  const rows = await withDataScope(db.prisma, scope, (tx) =>
    tx.monthlyReport.findMany({
      where,
      orderBy: [{ year: 'desc' }, { month: 'desc' }, { scope: 'desc' }, { scopeKey: 'asc' }, { version: 'desc' }],
      take: MONTHLY_REPORTS_MAX,
    }),
  );
  const names = await namesOf(db, rows, input.locale);
  return rows.map((row) => toView(row, names, now));
}

/** Asks for a new version of an agency's (`agencyId`) or a province's (`provinceId`) report of an ended month. */
export async function requestMonthlyReport(
  db: Database,
  viewer: StaffViewer,
  input: { agencyId?: string | null; provinceId?: string | null; year: number; month: number; locale: Locale },
  now = new Date(),
): Promise<MonthlyReportView> {
  if (Boolean(input.agencyId) === Boolean(input.provinceId)) {
    throw new AppError('BAD_USER_INPUT', 'Name either an agency or a province.', {
      issues: [{ path: ['agencyId'], message: 'Name either an agency or a province.' }],
    });
  }
  endedMonth(input.year, input.month, now);
  const target: ReportTarget = input.agencyId ? { scope: 'AGENCY', tenantId: input.agencyId } : { scope: 'PROVINCE', provinceId: input.provinceId! };
  const probe = target.scope === 'AGENCY' ? { tenantId: target.tenantId, provinceId: null } : { tenantId: null, provinceId: target.provinceId };
  if (!viewer.ability.can('request', subject('MonthlyReport', probe as never))) {
    throw new AppError('NOT_FOUND', 'No such agency or province.', {
      issues: [{ path: [input.agencyId ? 'agencyId' : 'provinceId'], message: 'No such agency or province.' }],
    });
  }
  const exists =
    target.scope === 'AGENCY'
      ? await db.prisma.tenant.count({ where: { id: target.tenantId } })
      : await db.prisma.province.count({ where: { id: target.provinceId } });
  if (exists === 0) throw new AppError('NOT_FOUND', 'No such agency or province.');
  const made = await requestReportVersion(db, target, input, { id: viewer.userId, tenantId: viewer.tenantId, provinceId: viewer.provinceId });
  const [report] = (await listMonthlyReports(db, viewer, { year: input.year, locale: input.locale }, now)).filter((item) => item.id === made.id);
  if (!report) throw new AppError('INTERNAL', 'The requested report is not readable by its requester.');
  return report;
}

export interface ReportFile {
  body: NodeJS.ReadableStream;
  size: number | null;
  sha256: string | null;
  contentType: string;
  fileName: string;
}

/** One READY version's PDF or spreadsheet, for a viewer who may read it; the download is in the audit log. */
export async function openMonthlyReportFile(
  deps: { db: Database; storage: EvidenceStorage },
  viewer: StaffViewer,
  id: string,
  format: 'pdf' | 'xlsx',
): Promise<ReportFile> {
  const scope = await staffFigureScope(deps.db, viewer);
  const row = await withDataScope(deps.db.prisma, scope, async (tx) => {
    const found = await tx.monthlyReport.findFirst({ where: { AND: [readableWhere(viewer), { id, status: 'READY' }] } });
    if (!found) return null;
    await recordAudit(tx, {
      tenantId: found.tenantId ?? viewer.tenantId,
      provinceId: found.provinceId ?? viewer.provinceId,
      actorId: viewer.userId,
      action: 'MONTHLY_REPORT_DOWNLOADED',
      data: { reportId: found.id, format, year: found.year, month: found.month, version: found.version },
    });
    return found;
  });
  const key = format === 'pdf' ? row?.pdfKey : row?.xlsxKey;
  if (!row || !key) throw new AppError('NOT_FOUND', 'No such report.');
  const period = `${row.year}-${String(row.month).padStart(2, '0')}`;
  return {
    body: await deps.storage.get(key),
    size: format === 'pdf' ? row.pdfSize : row.xlsxSize,
    sha256: format === 'pdf' ? row.pdfSha256 : row.xlsxSha256,
    contentType: format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `laporan-bulanan-${period}-v${row.version}.${format}`,
  };
}
