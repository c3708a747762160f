/**
 * `pnpm ops <command>`: the platform's operations. Every command is idempotent and exits
 * non-zero with a clear message on failure.
 *
 *   migrate     apply database migrations
 *   calendar    load the national holiday calendars (ops/data/calendars)
 *   sync        validate tenants/ and write changed tenants as new configuration versions
 *   validate    validate tenants/ without touching the database
 *   seed        calendar + sync: the demo agencies and their configuration
 *   setup       migrate + seed (what `pnpm start` runs first)
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseEnv } from '@aduan/api/env.ts';
import { runCommand, COMMANDS, type CommandName } from './commands/index.ts';

const usage = `usage: pnpm ops <${Object.keys(COMMANDS).join('|')}> [--tenants DIR] [--actor NAME]`;

const argsSchema = z.object({
  command: z.enum(Object.keys(COMMANDS) as [CommandName, ...CommandName[]], {
    error: (issue) => (issue.input === undefined ? 'a command is required' : `unknown command "${String(issue.input)}"`),
  }),
  tenants: z.string().min(1).optional(),
  actor: z.string().min(1).max(100).default(`ops:${process.env.USER ?? 'operator'}`),
});

async function main(): Promise<number> {
  let parsed;
  try {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: { tenants: { type: 'string' }, actor: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      console.log(usage);
      return 0;
    }
    const result = argsSchema.safeParse({ command: positionals[0], tenants: values.tenants, actor: values.actor });
    if (!result.success) throw new Error(result.error.issues.map((issue) => issue.message).join('; '));
    parsed = result.data;
  } catch (error) {
    console.error(`ops: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  try {
    const env = parseEnv();
    await runCommand(parsed.command, { env, tenantsDir: parsed.tenants ?? env.TENANTS_DIR, actor: parsed.actor, print: console.log });
    return 0;
  } catch (error) {
    console.error(`ops ${parsed.command} failed: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
