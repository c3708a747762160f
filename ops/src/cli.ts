/**
 * `pnpm ops <command>`: the platform's operations. Every command is idempotent and exits
 * non-zero with a clear message on failure.
 *
 *   migrate     apply database migrations
 *   calendar    load the national holiday calendars (ops/data/calendars)
 *   sync        validate tenants/ and write changed tenants as new configuration versions
 *   validate    validate tenants/ without touching the database
 *   seed        calendar + sync (+ the demo accounts and custodian, in the demo only)
 *   setup       migrate + seed (what `pnpm start` runs first)
 *   add-staff   an agency's first admin or head, or a province's secretariat (production bootstrap)
 *   close-demo-doors  deactivate the demo accounts and custodian keys (before production)
 *   recompute-figures [--tenant SLUG]  every case's statistics figures again (docs/statistics.md)
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseEnv } from '@aduan/api/env.ts';
import { AGENCY_STAFF_ROLES } from '@aduan/api/auth/roles.ts';
import { runCommand, COMMANDS, type CommandName } from './commands/index.ts';

const usage = `usage: pnpm ops <${Object.keys(COMMANDS).join('|')}> [--tenants DIR] [--actor NAME]
       pnpm ops recompute-figures [--tenant SLUG]
       pnpm ops add-staff (--tenant SLUG | --province SLUG) --email EMAIL --name NAME [--title TITLE] --role ROLE [--role ROLE]`;

const argsSchema = z.object({
  command: z.enum(Object.keys(COMMANDS) as [CommandName, ...CommandName[]], {
    error: (issue) => (issue.input === undefined ? 'a command is required' : `unknown command "${String(issue.input)}"`),
  }),
  tenants: z.string().min(1).optional(),
  actor: z
    .string()
    .min(1)
    .max(100)
    .default(`ops:${process.env.USER ?? 'operator'}`),
  tenant: z.string().min(1).optional(),
  staff: z
    .object({
      tenant: z.string().min(1).optional(),
      province: z.string().min(1).optional(),
      email: z.string().email('--email must be an email address'),
      name: z.string().trim().min(2, '--name needs at least 2 characters').max(200),
      title: z.string().trim().max(200).optional(),
      // An agency's roles, or the province's secretariat; never the platform operator.
      roles: z.array(z.enum([...AGENCY_STAFF_ROLES, 'PROVINCIAL_SECRETARIAT'])).min(1, 'give at least one --role'),
    })
    .optional(),
});

async function main(): Promise<number> {
  let parsed;
  try {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: {
        tenants: { type: 'string' },
        actor: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        tenant: { type: 'string' },
        province: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        title: { type: 'string' },
        role: { type: 'string', multiple: true },
      },
    });
    if (values.help) {
      console.log(usage);
      return 0;
    }
    const staff =
      positionals[0] === 'add-staff'
        ? { tenant: values.tenant, province: values.province, email: values.email, name: values.name, title: values.title, roles: values.role ?? [] }
        : undefined;
    const tenant = positionals[0] === 'recompute-figures' ? values.tenant : undefined;
    const result = argsSchema.safeParse({ command: positionals[0], tenants: values.tenants, actor: values.actor, staff, tenant });
    if (!result.success) throw new Error(result.error.issues.map((issue) => issue.message).join('; '));
    parsed = result.data;
  } catch (error) {
    console.error(`ops: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  try {
    const env = parseEnv();
    await runCommand(parsed.command, {
      env,
      tenantsDir: parsed.tenants ?? env.TENANTS_DIR,
      actor: parsed.actor,
      print: console.log,
      staff: parsed.staff,
      tenant: parsed.tenant,
    });
    return 0;
  } catch (error) {
    console.error(`ops ${parsed.command} failed: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
