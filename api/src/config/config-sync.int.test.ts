import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { REPO_TENANTS_DIR, setupTenants } from '../../../test/support/setup-tenants.ts';
import type { Database } from '../db.ts';
import { syncTenantFiles } from './config-sync.service.ts';
import { TenantConfigCache } from './tenant-config.service.ts';
import { loadTenantFiles } from './tenant-files.loader.ts';

let database: TestDatabase;
let db: Database;
let workDir: string;

async function editFile(relative: string, edit: (text: string) => string) {
  const file = path.join(workDir, relative);
  const before = await readFile(file, 'utf8');
  const after = edit(before);
  expect(after, `edit of ${relative} changed nothing`).not.toBe(before);
  await writeFile(file, after);
}

beforeAll(async () => {
  database = await createTestDatabase();
  workDir = await mkdtemp(path.join(os.tmpdir(), 'aduan-tenants-'));
  await cp(REPO_TENANTS_DIR, workDir, { recursive: true });
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
  await rm(workDir, { recursive: true, force: true });
});

describe('syncing tenants/ into the database', () => {
  it('creates every province and tenant with version 1 the first time', async () => {
    const lines = await setupTenants(database, workDir);
    expect(lines).toContain('sync: tenant inspektorat-bontang created → version 1, 10 changes');
    expect(lines.filter((line) => line.startsWith('sync: province') && line.endsWith('created'))).toHaveLength(3);
    db = database.open();
    expect(await db.prisma.configVersion.count()).toBe(4);
    const bontang = await db.prisma.tenant.findUniqueOrThrow({ where: { slug: 'inspektorat-bontang' }, include: { caseTypes: true } });
    expect(bontang.registrationPrefix).toBe('BTG');
    expect(bontang.caseTypes.find((caseType) => caseType.key === 'whistleblowing')!.confidential).toBe(true);
  });

  it('changes nothing when run again on the same files', async () => {
    const before = await db.prisma.tenant.findMany({ orderBy: { slug: 'asc' }, select: { slug: true, updatedAt: true, configVersion: true } });
    const result = await syncTenantFiles(db.prisma, await loadTenantFiles(workDir), 'test');
    expect(result.tenants.map((tenant) => tenant.status)).toEqual(['UNCHANGED', 'UNCHANGED', 'UNCHANGED', 'UNCHANGED']);
    expect(result.provinces.map((province) => province.status)).toEqual(['UNCHANGED', 'UNCHANGED', 'UNCHANGED']);
    expect(await db.prisma.configVersion.count()).toBe(4);
    expect(await db.prisma.tenant.findMany({ orderBy: { slug: 'asc' }, select: { slug: true, updatedAt: true, configVersion: true } })).toEqual(before);
  });

  it('makes a new version of only the changed tenant, recording what changed and who changed it', async () => {
    await editFile('inspektorat-bontang/case-types.yaml', (text) => text.replace(/Pelaporan Penerimaan Gratifikasi/, 'Laporan Gratifikasi'));
    const categories = await readFile(path.join(workDir, 'inspektorat-bontang/categories.yaml'), 'utf8');
    const firstKey = /key: ([a-z0-9-]+)/.exec(categories)![1]!;
    await editFile('inspektorat-bontang/categories.yaml', (text) => text.replace(/^- key: [a-z0-9-]+\n(?: {2}.*\n|\s*#.*\n)*/m, ''));

    const result = await syncTenantFiles(db.prisma, await loadTenantFiles(workDir), 'ops:alice');
    const bontangResult = result.tenants.find((tenant) => tenant.slug === 'inspektorat-bontang')!;
    expect(bontangResult).toMatchObject({ status: 'UPDATED', version: 2 });
    expect(result.tenants.filter((tenant) => tenant.status === 'UNCHANGED')).toHaveLength(3);

    const tenant = await db.prisma.tenant.findUniqueOrThrow({ where: { slug: 'inspektorat-bontang' } });
    const version = await db.prisma.configVersion.findUniqueOrThrow({ where: { tenantId_version: { tenantId: tenant.id, version: 2 } } });
    expect(version.actor).toBe('ops:alice');
    expect(version.source).toBe('FILES');
    expect(version.changes).toEqual(
      expect.arrayContaining([
        { kind: 'CHANGE', path: 'caseTypes.gratification.name.id', before: 'Pelaporan Penerimaan Gratifikasi', after: 'Laporan Gratifikasi' },
        expect.objectContaining({ kind: 'REMOVE', path: `categories.${firstKey}` }),
      ]),
    );
    // A removed category is deactivated, never deleted: reports keep pointing at it.
    const removed = await db.prisma.category.findUniqueOrThrow({ where: { tenantId_key: { tenantId: tenant.id, key: firstKey } } });
    expect(removed.active).toBe(false);
  });

  it('rejects an invalid file, names it, and changes nothing', async () => {
    await editFile('inspektorat-kalsel/channels.yaml', (text) => text.replace(/kind: WEB_PORTAL/, 'kind: CARRIER_PIGEON'));
    const versionsBefore = await db.prisma.configVersion.count();
    await db.close();
    db = undefined as unknown as Database;
    // The operator's command (`pnpm ops setup` syncs after migrating), as the other tests run it.
    await expect(setupTenants(database, workDir)).rejects.toThrow(/inspektorat-kalsel\/channels\.yaml › 0\.kind: .*expected one of/i);
    db = database.open();
    expect(await db.prisma.configVersion.count()).toBe(versionsBefore);
  });
});

describe('the configuration cache', () => {
  it('serves the cached version within its TTL and the new one after, without reloading when unchanged', async () => {
    let now = 0;
    const cache = new TenantConfigCache(db.prisma, 1000, () => now);
    const tenant = await db.prisma.tenant.findUniqueOrThrow({ where: { slug: 'inspektorat-kalbar' } });
    const first = await cache.find(tenant.id);
    expect(first!.configVersion).toBe(1);

    now = 2000;
    expect(await cache.find(tenant.id)).toBe(first); // revalidated, same object: nothing reloaded

    await db.prisma.tenant.update({ where: { id: tenant.id }, data: { configVersion: 2, shortName: 'Inspektorat Kalbar (baru)' } });
    now = 2500;
    expect((await cache.find(tenant.id))!.shortName).not.toBe('Inspektorat Kalbar (baru)');
    now = 3100;
    expect((await cache.find(tenant.id))!.shortName).toBe('Inspektorat Kalbar (baru)');

    cache.invalidate(tenant.id);
    await db.prisma.tenant.update({ where: { id: tenant.id }, data: { shortName: 'Inspektorat Kalbar' } });
    expect((await cache.find(tenant.id))!.shortName).toBe('Inspektorat Kalbar');
    expect(await cache.find('00000000-0000-0000-0000-000000000000')).toBeNull();
  });
});
