/**
 * Conflicts of interest found in the report itself: an active staff member of the agency
 * whose full name appears in what the reporter wrote loses the case from the moment it is
 * filed (an exclusion NAMED_IN_REPORT), before anyone could open it. Names shorter than
 * six characters are not matched, to keep a common first name from hiding cases. A report that
 * names every member who could act on it excludes nobody: a reporter listing the whole staff
 * must not make a case vanish from the agency. Staff record conflicts by hand in
 * case-conflicts.service.ts.
 */
import type { ScopedTransaction } from '../auth/data-scope.ts';
import { CASE_HANDLING_ROLES } from '../auth/roles.ts';

export const NAMED_IN_REPORT_REASON = 'Disebut dalam laporan (otomatis) / Named in the report (automatic)';

/** The text a report's names are looked for in: its title and every answer. */
export function reportText(title: string, answers: Record<string, string>): string {
  return [title, ...Object.values(answers)].join('\n');
}

/**
 * The SQL that inserts the exclusions, for a statement that has `case_id`, `tenant_id`, the
 * report text and the time as the given parameters (used inside the submit statement).
 */
export function namedStaffInsertSql(p: { caseId: string; tenantId: string; text: string; at: string }): string {
  return `INSERT INTO case_exclusion (id, tenant_id, case_id, staff_user_id, kind, reason, created_at)
    SELECT gen_random_uuid(), ${p.tenantId}, ${p.caseId}, staff_user.id, 'NAMED_IN_REPORT', '${NAMED_IN_REPORT_REASON}', ${p.at}
    FROM staff_user
    WHERE staff_user.tenant_id = ${p.tenantId} AND staff_user.active AND char_length(staff_user.name) >= 6
      AND strpos(lower(${p.text}), lower(staff_user.name)) > 0
      AND EXISTS (
        SELECT 1 FROM staff_user keeper
        WHERE keeper.tenant_id = ${p.tenantId} AND keeper.active
          AND keeper.roles && ARRAY[${CASE_HANDLING_ROLES.map((role) => `'${role}'`).join(', ')}]::"StaffRole"[]
          AND NOT (char_length(keeper.name) >= 6 AND strpos(lower(${p.text}), lower(keeper.name)) > 0)
      )
    ON CONFLICT (case_id, staff_user_id) DO NOTHING`;
}

/** For cases written by staff (offline intake, transfer), inside their transaction. */
export async function excludeNamedStaff(tx: ScopedTransaction, input: { tenantId: string; caseId: string; text: string; at: Date }): Promise<void> {
  await tx.$executeRawUnsafe(
    namedStaffInsertSql({ tenantId: '$1::uuid', caseId: '$2::uuid', text: '$3::text', at: '$4::timestamp' }),
    input.tenantId,
    input.caseId,
    input.text,
    input.at.toISOString(),
  );
}
