/**
 * The API's own PostgreSQL login: a role that owns nothing and cannot become the owner, so
 * row-level security applies to everything it does, `RESET ROLE` included (issue 12 item 8,
 * docs/trust/row-level-security.md).
 *
 * - `provisionApiRole` (run by `pnpm ops migrate` as the owner, from API_DATABASE_URL) creates
 *   the login when it is missing and makes it a member of `aduan_app`, nothing else (the owner
 *   becomes a member of it, to end its sessions).
 * - `inspectConnectionRole` says what the connection's role could do behind the API's back;
 *   the API refuses to start in production when it could reach every agency's rows.
 */
import type { SqlRunner } from './db.ts';

type Sql = Pick<SqlRunner, 'query' | 'exec'>;

export interface ConnectionRole {
  role: string;
  superuser: boolean;
  bypassRls: boolean;
  /** Tables of the public schema it owns, or owns through a role it can become. */
  ownedTables: number;
}

/** Whether a connection with this role is walled in by row-level security. */
export function isWalledIn(role: ConnectionRole): boolean {
  return !role.superuser && !role.bypassRls && role.ownedTables === 0;
}

export function describeRole(role: ConnectionRole): string {
  if (isWalledIn(role)) return `${role.role} (owns nothing, subject to row-level security)`;
  const powers = [
    role.superuser && 'a superuser',
    role.bypassRls && 'exempt from row-level security',
    role.ownedTables > 0 && `owner (or able to become the owner) of ${role.ownedTables} tables`,
  ].filter(Boolean);
  return `${role.role} is ${powers.join(', ')}`;
}

export async function inspectConnectionRole(sql: Pick<SqlRunner, 'query'>): Promise<ConnectionRole> {
  const [row] = await sql.query<{ role: string; superuser: boolean; bypass_rls: boolean; owned_tables: number }>(`
    SELECT r.rolname AS role, r.rolsuper AS superuser, r.rolbypassrls AS bypass_rls,
      (SELECT count(*)::int FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
          AND pg_has_role(session_user, c.relowner, 'MEMBER')) AS owned_tables
    FROM pg_roles r WHERE r.rolname = session_user`);
  return { role: row!.role, superuser: row!.superuser, bypassRls: row!.bypass_rls, ownedTables: row!.owned_tables };
}

const DUPLICATE = new Set(['42710', '23505']);
const CONCURRENT_UPDATE = /tuple concurrently updated/;

/**
 * Creates the API's login from its URL (when missing) and grants it `aduan_app`. Run as the
 * tables' owner with CREATEROLE. Refuses a URL that names the owner or a role that could
 * bypass the wall. An existing role keeps its password: the URL's is used only to create it.
 */
export async function provisionApiRole(sql: Sql, apiDatabaseUrl: string): Promise<{ role: string; created: boolean }> {
  const url = new URL(apiDatabaseUrl);
  const role = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  if (!role) throw new Error('API_DATABASE_URL names no user: give the API its own role (e.g. postgresql://aduan_api:…@host/db)');
  const [me] = await sql.query<{ owner: string }>('SELECT current_user AS owner');
  if (me!.owner === role) throw new Error(`API_DATABASE_URL names ${role}, the tables' owner: give the API a role of its own`);
  let created = false;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const [exists] = await sql.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS found', [role]);
      if (!exists!.found) {
        if (!password) throw new Error(`API_DATABASE_URL has no password for the new role ${role}`);
        const [statement] = await sql.query<{ text: string }>(
          "SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE INHERIT PASSWORD %L', $1::text, $2::text) AS text",
          [role, password],
        );
        await sql.exec(statement!.text);
        created = true;
      }
      const [member] = await sql.query<{ yes: boolean; owner_manages: boolean }>(
        "SELECT pg_has_role($1, 'aduan_app', 'MEMBER') AS yes, pg_has_role(current_user, $1, 'MEMBER') AS owner_manages",
        [role],
      );
      if (!member!.yes) {
        const [grant] = await sql.query<{ text: string }>("SELECT format('GRANT aduan_app TO %I', $1::text) AS text", [role]);
        await sql.exec(grant!.text);
      }
      // The other way round: the owner may end the API's sessions (pg_terminate_backend, a
      // DROP or restore of the database). It gives the API's role nothing.
      if (!member!.owner_manages) {
        const [grant] = await sql.query<{ text: string }>("SELECT format('GRANT %I TO %I', $1::text, current_user) AS text", [role]);
        await sql.exec(grant!.text);
      }
      break;
    } catch (error) {
      // Several databases of one cluster (tests, instances) provisioning the same role at once.
      const code = (error as { code?: string }).code;
      const retry = (code && DUPLICATE.has(code)) || CONCURRENT_UPDATE.test((error as Error).message);
      if (!retry || attempt >= 5) throw error;
      created = false;
    }
  }
  const [inspected] = await sql.query<{ superuser: boolean; bypass_rls: boolean; owner_member: boolean }>(
    "SELECT rolsuper AS superuser, rolbypassrls AS bypass_rls, pg_has_role($1, current_user, 'MEMBER') AS owner_member FROM pg_roles WHERE rolname = $1",
    [role],
  );
  if (inspected!.superuser || inspected!.bypass_rls || inspected!.owner_member) {
    throw new Error(
      `the API's role ${role} can get around row-level security (superuser, BYPASSRLS, or a member of the owner ${me!.owner}); give it none of these`,
    );
  }
  return { role, created };
}
