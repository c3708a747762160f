/** Runs the real ops commands (migrate, calendar, sync) against a test database. */
import { parseEnv } from '@aduan/api/env.ts';
import { runCommand } from '@aduan/ops/src/commands/index.ts';
import type { TestDatabase } from './database.ts';
import { REPO_ROOT } from './processes.ts';
import path from 'node:path';

export const REPO_TENANTS_DIR = path.join(REPO_ROOT, 'tenants');

export async function setupTenants(database: TestDatabase, tenantsDir = REPO_TENANTS_DIR, env: Record<string, string> = {}): Promise<string[]> {
  const lines: string[] = [];
  await runCommand('setup', {
    env: parseEnv({ ...database.env, TENANTS_DIR: tenantsDir, ...env }),
    tenantsDir,
    actor: 'test',
    print: (line) => lines.push(line),
  });
  return lines;
}
