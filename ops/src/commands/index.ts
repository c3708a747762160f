/** The ops commands, callable from the CLI and from tests. They call api services only. */
import { syncTenantFiles } from '@aduan/api/config/config-sync.service.ts';
import { loadTenantFiles } from '@aduan/api/config/tenant-files.loader.ts';
import { openDatabase, type Database } from '@aduan/api/db.ts';
import { migrate } from '@aduan/api/db-migrate.ts';
import { provisionApiRole } from '@aduan/api/db-roles.ts';
import { prepareJobQueue } from '@aduan/api/jobs/job-runner.ts';
import type { Env } from '@aduan/api/env.ts';
import { loadNationalCalendar, readCalendarFiles } from '@aduan/api/sla/calendar.service.ts';
import { createIdentityCustodian } from '@aduan/api/identity/identity-vault.service.ts';
import { createStaffUser, emailKey } from '@aduan/api/auth/staff-auth.service.ts';
import { hashPassword } from '@aduan/api/auth/passwords.ts';
import type { StaffRole } from '@aduan/api/auth/roles.ts';
import { TenantConfigCache } from '@aduan/api/config/tenant-config.service.ts';
import { runSlaSweep } from '@aduan/api/jobs/sla-sweep.service.ts';
import { closeDemoDoors, describeDemoDoors, findDemoDoors } from '@aduan/api/admin/demo-doors.service.ts';
import { addStaffStep, type AddStaffArguments } from './add-staff.ts';
import { NationalCalendarCache } from '@aduan/api/sla/working-calendar.service.ts';
import { recomputeFigures } from '@aduan/api/stats/figures-recompute.service.ts';
import { recountOpenCases } from '@aduan/api/stats/open-case-tally.ts';

/** The demo custodians' passphrase: for the demo agencies only, never for a real one. */
export const DEMO_CUSTODIAN_PASSPHRASE = 'demo-custodian-passphrase';

/** The demo staff accounts' password: for the demo agencies only, never for a real one. */
export const DEMO_STAFF_PASSWORD = 'demo-staff-password';

/** One demo account per agency role: `<local>@<agency slug>.test`. */
export const DEMO_AGENCY_STAFF: { local: string; name: string; title: string; roles: StaffRole[] }[] = [
  { local: 'verifikator', name: 'Verifikator (demo)', title: 'Administrator Pengaduan', roles: ['VERIFIER'] },
  { local: 'telaah', name: 'Tim Telaah (demo)', title: 'Auditor', roles: ['REVIEWER'] },
  { local: 'pimpinan', name: 'Pimpinan (demo)', title: 'Kepala', roles: ['AGENCY_HEAD'] },
  { local: 'kustodian', name: 'Kustodian Identitas (demo)', title: 'Kustodian Identitas', roles: ['IDENTITY_CUSTODIAN'] },
  { local: 'admin', name: 'Admin Instansi (demo)', title: 'Administrator Sistem', roles: ['TENANT_ADMIN'] },
];

export interface CommandOptions {
  env: Env;
  tenantsDir: string;
  actor: string;
  print: (line: string) => void;
  /** Arguments of `add-staff`. */
  staff?: AddStaffArguments;
  /** `recompute-figures --tenant SLUG`: one agency only. */
  tenant?: string;
}

export type Step = (db: Database, options: CommandOptions) => Promise<void>;

/** Demo steps do nothing in production: no published password ever reaches a real deployment. */
function demoOnly(step: Step, what: string): Step {
  return async (db, options) => {
    if (options.env.ADUAN_MODE === 'production') {
      options.print(`${what}: skipped (ADUAN_MODE=production: no demo accounts or custodians)`);
      return;
    }
    await step(db, options);
  };
}

const migrateStep: Step = async (db, { env, print }) => {
  const result = await migrate(db.sql);
  print(result.applied.length > 0 ? `migrate: applied ${result.applied.join(', ')}` : `migrate: up to date (${result.alreadyApplied} migrations)`);
  if (db.kind !== 'postgresql' || !env.DATABASE_URL) return;
  await prepareJobQueue(env.DATABASE_URL, db.sql);
  // The API's own login: row-level security is a wall only for a role that owns nothing.
  if (env.API_DATABASE_URL) {
    const { role, created } = await provisionApiRole(db.sql, env.API_DATABASE_URL);
    print(`migrate: the API's role ${role} ${created ? 'created' : 'is ready'} (a member of aduan_app only)`);
  } else {
    print('migrate: API_DATABASE_URL is not set; the API would connect as the owner (refused in production, see docs/trust/row-level-security.md)');
  }
};

const calendarStep: Step = async (db, { env, print }) => {
  const calendars = await readCalendarFiles(env.CALENDARS_DIR);
  for (const { file, calendar } of calendars) {
    const changed = await loadNationalCalendar(db.prisma, calendar);
    print(`calendar: ${calendar.year} ${changed ? 'loaded' : 'unchanged'} (${file})`);
  }
  const latest = Math.max(...calendars.map(({ calendar }) => calendar.year));
  const nextYear = new Date().getUTCFullYear() + 1;
  if (latest < nextYear) {
    print(
      `calendar: WARNING no national calendar for ${nextYear}: deadlines that reach into it are provisional. Add ops/data/calendars/id-holidays-${nextYear}.json and run \`pnpm ops calendar\`.`,
    );
  }
};

const syncStep: Step = async (db, { tenantsDir, actor, print }) => {
  const bundle = await loadTenantFiles(tenantsDir);
  const result = await syncTenantFiles(db.prisma, bundle, actor);
  for (const province of result.provinces) print(`sync: province ${province.slug} ${province.status.toLowerCase()}`);
  for (const tenant of result.tenants) {
    print(
      `sync: tenant ${tenant.slug} ${tenant.status.toLowerCase()}` +
        (tenant.status === 'UNCHANGED' ? ` (version ${tenant.version})` : ` → version ${tenant.version}, ${tenant.changes} changes`),
    );
  }
};

/** Every demo agency gets one identity custodian, so confidential reports can be sealed. */
const demoCustodiansStep: Step = demoOnly(async (db, { print }) => {
  const tenants = await db.prisma.tenant.findMany({ select: { id: true, slug: true }, orderBy: { slug: 'asc' } });
  for (const tenant of tenants) {
    const existing = await db.prisma.identityCustodian.count({ where: { tenantId: tenant.id, active: true } });
    if (existing > 0) continue;
    const { recoveryKey } = await createIdentityCustodian(db.prisma, {
      tenantId: tenant.id,
      name: 'Kustodian Identitas (demo)',
      passphrase: DEMO_CUSTODIAN_PASSPHRASE,
      demo: true,
    });
    print(`custodian: ${tenant.slug}: demo identity custodian created (passphrase "${DEMO_CUSTODIAN_PASSPHRASE}", recovery key ${recoveryKey}, shown once)`);
  }
}, 'custodian');

/**
 * Demo staff for every agency (one per role) and one secretariat account per province, so
 * the console can be tried at once. Existing accounts are left as they are.
 */
const demoStaffStep: Step = demoOnly(async (db, { print }) => {
  let passwordHash: string | undefined;
  const ensure = async (input: Parameters<typeof createStaffUser>[1]) => {
    const existing = await db.prisma.staffUser.findUnique({ where: { emailKey: emailKey(input.email) }, select: { id: true } });
    if (existing) return { id: existing.id, created: false };
    passwordHash ??= await hashPassword(DEMO_STAFF_PASSWORD);
    return { id: (await createStaffUser(db.prisma, { ...input, passwordHash, demo: true })).id, created: true };
  };
  let created = 0;
  const tenants = await db.prisma.tenant.findMany({ select: { id: true, slug: true }, orderBy: { slug: 'asc' } });
  for (const tenant of tenants) {
    for (const staff of DEMO_AGENCY_STAFF) {
      const user = await ensure({
        tenantId: tenant.id,
        email: `${staff.local}@${tenant.slug}.test`,
        name: staff.name,
        title: staff.title,
        password: DEMO_STAFF_PASSWORD,
        roles: staff.roles,
      });
      if (user.created) created += 1;
      if (staff.roles.includes('IDENTITY_CUSTODIAN')) {
        await db.prisma.identityCustodian.updateMany({ where: { tenantId: tenant.id, staffUserId: null, active: true }, data: { staffUserId: user.id } });
      }
    }
  }
  const provinces = await db.prisma.province.findMany({ select: { id: true, slug: true }, orderBy: { slug: 'asc' } });
  for (const province of provinces) {
    const user = await ensure({
      provinceId: province.id,
      email: `sekretariat@${province.slug}.test`,
      name: 'Sekretariat Daerah (demo)',
      title: 'Sekretaris Daerah',
      password: DEMO_STAFF_PASSWORD,
      roles: ['PROVINCIAL_SECRETARIAT'],
    });
    if (user.created) created += 1;
  }
  print(
    created > 0
      ? `staff: ${created} demo accounts created (password "${DEMO_STAFF_PASSWORD}"): <role>@<agency>.test for verifikator, telaah, pimpinan, kustodian, admin; sekretariat@<province>.test`
      : 'staff: demo accounts up to date',
  );
}, 'staff');

/** Production: stop here when a demo door is open, so a setup never looks finished with one. */
const productionCheckStep: Step = async (db, { env, print }) => {
  if (env.ADUAN_MODE !== 'production') return;
  const doors = await findDemoDoors(db.prisma);
  if (doors.accounts + doors.custodians > 0) {
    throw new Error(`${describeDemoDoors(doors)}; run \`pnpm ops close-demo-doors\` before starting in production`);
  }
  print('production: no demo account or custodian');
};

/** Deactivates every demo account and retires every demo custodian key (for a demo database turned production). */
const closeDemoDoorsStep: Step = async (db, { actor, print }) => {
  const closed = await closeDemoDoors(db.prisma, actor);
  print(`close-demo-doors: ${closed.accounts} demo accounts deactivated, ${closed.custodians} demo custodian keys retired`);
};

/** One SLA sweep by hand (the API runs it every SLA_SWEEP_INTERVAL_SECONDS); safe beside running APIs. */
const sweepStep: Step = async (db, { print }) => {
  const result = await runSlaSweep({ db, configs: new TenantConfigCache(db.prisma, 0), calendars: new NationalCalendarCache(db.prisma) });
  print(
    `sweep: ${result.reminders} reminders, ${result.escalations} escalations, ${result.silenceNotices} silence notices, ${result.silenceClosures} closures ` +
      `(${Object.entries(result.ms)
        .map(([pass, ms]) => `${pass} ${ms} ms`)
        .join(', ')})`,
  );
};

/**
 * Every case's statistics figures computed again (after an SLA policy, a case type's
 * confidentiality or a calendar changed); safe beside running APIs, and again after a crash.
 */
const recomputeFiguresStep: Step = async (db, { tenant, print }) => {
  const tenantId = tenant ? (await db.prisma.tenant.findUnique({ where: { slug: tenant }, select: { id: true } }))?.id : undefined;
  if (tenant && !tenantId) throw new Error(`no agency "${tenant}"`);
  let shown = 0;
  const started = Date.now();
  const result = await recomputeFigures(
    { db, configs: new TenantConfigCache(db.prisma, 0), calendars: new NationalCalendarCache(db.prisma) },
    {
      tenantId,
      onProgress: ({ done, total }) => {
        // A line every tenth of the way (and the last): a long run says where it is.
        if (done === total || done - shown >= Math.max(1, Math.ceil(total / 10))) {
          shown = done;
          print(`recompute-figures: ${done} of ${total} cases`);
        }
      },
    },
  );
  print(
    `recompute-figures: ${result.cases} cases of ${result.tenantIds.size} agencies in ${Math.round((Date.now() - started) / 1000)} s; ` +
      'cached public statistics pages follow within PUBLIC_STATISTICS_CACHE_SECONDS',
  );
  // What is open now is counted by the database as cases change (ADR 0036): counted again here,
  // in case data was ever written with its triggers off.
  print(`recompute-figures: ${await recountOpenCases(db.sql)} cases open now, counted again`);
};

export const COMMANDS = {
  migrate: [migrateStep],
  calendar: [calendarStep],
  sync: [syncStep],
  seed: [calendarStep, syncStep, demoCustodiansStep, demoStaffStep, productionCheckStep],
  setup: [migrateStep, calendarStep, syncStep, demoCustodiansStep, demoStaffStep, productionCheckStep],
  sweep: [sweepStep],
  'add-staff': [addStaffStep],
  'close-demo-doors': [closeDemoDoorsStep],
  'recompute-figures': [recomputeFiguresStep],
  validate: [],
} satisfies Record<string, Step[]>;
export type CommandName = keyof typeof COMMANDS;

export async function runCommand(name: CommandName, options: CommandOptions): Promise<void> {
  if (name === 'validate') {
    const bundle = await loadTenantFiles(options.tenantsDir);
    options.print(`validate: ${bundle.tenants.length} tenants in ${bundle.provinces.length} provinces are valid`);
    return;
  }
  const db = openDatabase({
    databaseUrl: options.env.DATABASE_URL,
    pgliteDataDir: options.env.PGLITE_DATA_DIR,
    poolSize: 2,
  });
  try {
    for (const step of COMMANDS[name]) await step(db, options);
  } finally {
    await db.close();
  }
}
