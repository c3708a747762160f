/**
 * The audit log of insider actions: who changed whose roles, who appointed or removed an
 * identity custodian, who set up or re-sealed a key, who asked for, performed or declined a
 * reveal, who declared, proposed, confirmed or declined a conflict of interest, who restricted
 * a case. Append-only in the database (a trigger refuses UPDATE, DELETE and TRUNCATE; the app
 * role holds neither privilege): an entry written in the same transaction as the action
 * stands or falls with it, and nothing afterwards can change it.
 *
 * Readers: the agency head (their agency) and the provincial secretariat (every agency of its
 * province). Entries never hold a reporter's identity, case content or a secret: only ids,
 * roles, counts and the reason a staff member typed for a reveal or a conflict.
 */
import type { Prisma } from '../generated/prisma/client.ts';
import type { AuditAction } from '../generated/prisma/enums.ts';
import { AppError } from '../errors.ts';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import type { Database } from '../db.ts';
import { withDataScope, type ScopedTransaction } from '../auth/data-scope.ts';
import { casesWhere } from '../auth/case-filter.ts';

export type { AuditAction };

export interface AuditRecord {
  tenantId: string | null;
  provinceId?: string | null;
  /** The acting staff member; null with `actorLabel` for an operator's command. */
  actorId: string | null;
  actorLabel?: string | null;
  action: AuditAction;
  subjectStaffId?: string | null;
  caseId?: string | null;
  data?: Record<string, unknown>;
}

type AuditWriter = Pick<ScopedTransaction, 'auditEntry'>;

/** Appends one entry inside the caller's transaction, so it commits with the action or not at all. */
export async function recordAudit(tx: AuditWriter, entry: AuditRecord): Promise<void> {
  await tx.auditEntry.create({
    data: {
      tenantId: entry.tenantId,
      provinceId: entry.provinceId ?? null,
      actorId: entry.actorId,
      actorLabel: entry.actorLabel ?? null,
      action: entry.action,
      subjectStaffId: entry.subjectStaffId ?? null,
      caseId: entry.caseId ?? null,
      data: (entry.data ?? {}) as Prisma.InputJsonValue,
    },
  });
}

/** Who may read the log: the head of an agency, and the provincial secretariat. */
export function canReadAuditLog(viewer: Pick<StaffViewer, 'roles' | 'tenantId'>): boolean {
  return (viewer.tenantId !== null && viewer.roles.includes('AGENCY_HEAD')) || viewer.roles.includes('PROVINCIAL_SECRETARIAT');
}

export const AUDIT_PAGE_MAX = 100;

/**
 * Entry ids are one sequence for the whole platform: clients get them as opaque tokens under this
 * label (live/live-cursor.ts), so an agency's page tells nothing of other agencies' activity.
 */
export const AUDIT_ID_INFO = 'aduan/audit-entry/v1';

/**
 * The newest entries first, `first` at a time, older than the `before` id. The head reads their
 * agency's; the secretariat reads every agency of its province (optionally one).
 */
export async function listAuditEntries(db: Database, viewer: StaffViewer, input: { first: number; before?: bigint | null; tenantId?: string | null }) {
  if (!canReadAuditLog(viewer)) throw new AppError('FORBIDDEN', 'Only the agency head and the provincial secretariat read the audit log.');
  const first = Math.min(Math.max(input.first, 1), AUDIT_PAGE_MAX);
  const tenantIds = viewer.tenantId ? [viewer.tenantId] : [...viewer.scope.tenantIds];
  if (input.tenantId && !tenantIds.includes(input.tenantId)) return { entries: [], hasMore: false };
  const where: Prisma.AuditEntryWhereInput = {
    tenantId: { in: input.tenantId ? [input.tenantId] : tenantIds },
    ...(input.before ? { id: { lt: input.before } } : {}),
  };
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    const rows = await tx.auditEntry.findMany({ where, orderBy: { id: 'desc' }, take: first + 1 });
    const ids = new Set<string>();
    for (const row of rows) {
      if (row.actorId) ids.add(row.actorId);
      if (row.subjectStaffId) ids.add(row.subjectStaffId);
    }
    const caseIds = [...new Set(rows.flatMap((row) => (row.caseId ? [row.caseId] : [])))];
    const [staff, cases, tenants] = await Promise.all([
      tx.staffUser.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } }),
      // A head sees only the cases they may open: one excluded from a case (it may be about them) must
      // not learn its number or the reason given from the log. The secretariat oversees the province's
      // heads, restricted cases included, so it keeps every number (opening a case stays under CASL).
      tx.case.findMany({
        where: viewer.tenantId ? { AND: [casesWhere(viewer.ability, 'read'), { id: { in: caseIds } }] } : { id: { in: caseIds } },
        select: { id: true, registrationNumber: true },
      }),
      tx.tenant.findMany({ where: { id: { in: tenantIds } }, select: { id: true, slug: true, name: true } }),
    ]);
    const names = new Map(staff.map((person) => [person.id, person.name]));
    const numbers = new Map(cases.map((item) => [item.id, item.registrationNumber]));
    const agencies = new Map(tenants.map((tenant) => [tenant.id, tenant]));
    return {
      entries: rows.slice(0, first).map((row) => {
        // The entry stays (who did what, when); what would point at a case the reader may not open is left out.
        const hidden = row.caseId !== null && !numbers.has(row.caseId);
        return {
          ...row,
          caseId: hidden ? null : row.caseId,
          data: hidden ? { caseHidden: true } : row.data,
          actorName: row.actorId ? (names.get(row.actorId) ?? null) : null,
          subjectName: row.subjectStaffId ? (names.get(row.subjectStaffId) ?? null) : null,
          registrationNumber: row.caseId ? (numbers.get(row.caseId) ?? null) : null,
          agency: row.tenantId ? (agencies.get(row.tenantId) ?? null) : null,
        };
      }),
      hasMore: rows.length > first,
    };
  });
}

export type AuditEntryView = Awaited<ReturnType<typeof listAuditEntries>>['entries'][number];
