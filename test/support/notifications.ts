/**
 * Console notifications written into the database as the SLA sweep writes them (to an
 * agency's roles, to all of an agency, or to a province's secretariat), for tests of how
 * staff read and mark them. Call it while no API process holds the database (PGlite has one owner).
 */
import type { TestDatabase } from './database.ts';

export interface SeededNotification {
  name: string;
  /** The agency it goes to, by slug; with `province`, the province of that agency instead. */
  agency: string;
  province?: boolean;
  /** Empty: every role of the agency. */
  roles: string[];
  registrationNumber: string;
  kind: 'REMINDER' | 'OVERDUE' | 'SILENCE_NOTICE' | 'SILENCE_CLOSED';
  hoursAgo: number;
}

/** Inserts the notifications; answers their ids by name. */
export async function seedNotifications(database: TestDatabase, notifications: SeededNotification[]): Promise<Record<string, string>> {
  const db = database.open();
  const ids: Record<string, string> = {};
  try {
    for (const item of notifications) {
      const [row] = await db.sql.query<{ id: string }>(
        `INSERT INTO staff_notification (id, tenant_id, province_id, roles, case_id, kind, created_at)
         SELECT gen_random_uuid(), CASE WHEN $2::boolean THEN NULL ELSE t.id END, CASE WHEN $2::boolean THEN t.province_id END,
                $3::"StaffRole"[], c.id, $5::"StaffNotificationKind", now() - make_interval(hours => $6::int)
           FROM tenant t JOIN "case" c ON c.tenant_id = t.id
          WHERE t.slug = $1::text AND c.registration_number = $4::text
         RETURNING id`,
        [item.agency, item.province ?? false, `{${item.roles.join(',')}}`, item.registrationNumber, item.kind, item.hoursAgo],
      );
      if (!row) throw new Error(`no case ${item.registrationNumber} at ${item.agency}`);
      ids[item.name] = row.id;
    }
  } finally {
    await db.close();
  }
  return ids;
}
