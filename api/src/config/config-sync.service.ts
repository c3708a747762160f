/**
 * Writes the validated `tenants/` files into the database. Idempotent: a tenant whose
 * normalised configuration hash is unchanged is not touched; a changed one gets a new
 * configuration version recording who, when and what changed. Items removed from the
 * files are deactivated, never deleted, since cases keep referring to them.
 */
import { stringify } from 'safe-stable-stringify';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { buildSnapshot, diffSnapshots, hashSnapshot, type TenantConfigSnapshot } from './config-snapshot.ts';
import type { TenantFilesBundle } from './tenant-files.loader.ts';
import type { ProvinceDefinition } from './tenant-files.schema.ts';

export type SyncStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED';

export interface TenantSyncResult {
  slug: string;
  status: SyncStatus;
  version: number;
  changes: number;
}

export interface SyncResult {
  provinces: { slug: string; status: SyncStatus }[];
  tenants: TenantSyncResult[];
}

type Tx = Prisma.TransactionClient;

const MEGABYTE = 1024 * 1024;

export async function syncTenantFiles(prisma: PrismaClient, bundle: TenantFilesBundle, actor: string): Promise<SyncResult> {
  const provinces: SyncResult['provinces'] = [];
  const provinceIds = new Map<string, string>();
  for (const province of bundle.provinces) {
    const { id, status } = await syncProvince(prisma, province);
    provinceIds.set(province.slug, id);
    provinces.push({ slug: province.slug, status });
  }
  const tenants: TenantSyncResult[] = [];
  for (const definition of bundle.tenants) {
    const snapshot = buildSnapshot(definition);
    const provinceId = provinceIds.get(definition.tenant.province)!;
    tenants.push(await prisma.$transaction((tx) => syncTenant(tx, snapshot, provinceId, actor), { timeout: 60_000, maxWait: 30_000 }));
  }
  return { provinces, tenants };
}

async function syncProvince(prisma: PrismaClient, province: ProvinceDefinition) {
  const existing = await prisma.province.findUnique({ where: { slug: province.slug } });
  const data = { name: province.name, secretariat: province.secretariat };
  if (!existing) {
    const created = await prisma.province.create({ data: { slug: province.slug, ...data } });
    return { id: created.id, status: 'CREATED' as const };
  }
  if (stringify([existing.name, existing.secretariat]) === stringify([data.name, data.secretariat])) {
    return { id: existing.id, status: 'UNCHANGED' as const };
  }
  await prisma.province.update({ where: { id: existing.id }, data });
  return { id: existing.id, status: 'UPDATED' as const };
}

async function syncTenant(tx: Tx, snapshot: TenantConfigSnapshot, provinceId: string, actor: string): Promise<TenantSyncResult> {
  const hash = hashSnapshot(snapshot);
  const { tenant: file, theme } = snapshot;
  const existing = await tx.tenant.findUnique({ where: { slug: file.slug } });
  if (existing && existing.configHash === hash && existing.provinceId === provinceId) {
    return { slug: file.slug, status: 'UNCHANGED', version: existing.configVersion, changes: 0 };
  }
  const version = (existing?.configVersion ?? 0) + 1;
  const row = {
    provinceId,
    name: file.name,
    shortName: file.shortName,
    kind: file.kind,
    timeZone: file.timeZone,
    registrationPrefix: file.registrationPrefix,
    parent: file.parent ?? Prisma.DbNull,
    description: file.description ?? Prisma.DbNull,
    address: file.address ?? Prisma.DbNull,
    website: file.website ?? null,
    theme,
    sources: file.sources,
    configVersion: version,
    configHash: hash,
  } satisfies Omit<Prisma.TenantUncheckedCreateInput, 'slug'>;
  const tenant = existing ? await tx.tenant.update({ where: { id: existing.id }, data: row }) : await tx.tenant.create({ data: { slug: file.slug, ...row } });
  const tenantId = tenant.id;

  await tx.tenantHostname.deleteMany({ where: { tenantId } });
  if (file.hostnames.length > 0) {
    await tx.tenantHostname.createMany({ data: file.hostnames.map((hostname) => ({ hostname, tenantId })) });
  }
  await tx.contact.deleteMany({ where: { tenantId } });
  await tx.contact.createMany({
    data: file.contacts.map((contact, position) => ({ tenantId, position, kind: contact.kind, label: contact.label, value: contact.value })),
  });
  await tx.faq.deleteMany({ where: { tenantId } });
  await tx.faq.createMany({
    data: snapshot.faq.map((entry, position) => ({ tenantId, position, question: entry.question, answer: entry.answer })),
  });
  await tx.tenantDayOff.deleteMany({ where: { tenantId } });
  await tx.tenantDayOff.createMany({
    data: snapshot.daysOff.map((day) => ({ tenantId, date: new Date(`${day.date}T00:00:00Z`), name: day.name })),
  });

  await syncKeyed(tx.responseTemplate, tenantId, snapshot.responseTemplates, (template, position) => ({
    position,
    name: template.name,
    body: template.body,
    uses: template.uses,
  }));
  await syncKeyed(tx.serviceStandard, tenantId, snapshot.serviceStandards, (standard, position) => ({
    position,
    name: standard.name,
    legalBasis: standard.legalBasis ?? null,
    requirements: standard.requirements,
    procedure: standard.procedure,
    completionWorkingDays: standard.completionTime?.workingDays ?? null,
    completionText: standard.completionTime?.text ?? Prisma.DbNull,
    fee: standard.fee ?? Prisma.DbNull,
    products: standard.products,
    complaintHandling: standard.complaintHandling,
    caseTypeKeys: standard.caseTypes,
  }));
  await syncKeyed(tx.channel, tenantId, snapshot.channels, (channel, position) => ({
    position,
    kind: channel.kind,
    name: channel.name,
    contact: channel.contact ?? null,
    url: channel.url ?? null,
    note: channel.note ?? Prisma.DbNull,
    staffIntake: channel.staffIntake,
    caseTypeKeys: channel.caseTypes,
  }));
  await syncKeyed(tx.category, tenantId, snapshot.categories, (category, position) => ({
    position,
    name: category.name,
    description: category.description ?? Prisma.DbNull,
  }));
  const policyIds = await syncKeyed(tx.slaPolicy, tenantId, snapshot.slaPolicies, (policy) => ({
    name: policy.name,
    escalationTarget: policy.escalationTarget ?? Prisma.DbNull,
    silenceClosureWorkingDays: policy.silenceClosureWorkingDays ?? null,
    monthlyReportDay: policy.monthlyReportDay ?? null,
  }));
  for (const policy of snapshot.slaPolicies) {
    const slaPolicyId = policyIds.get(policy.key)!;
    for (const [position, stage] of policy.stages.entries()) {
      const data = {
        tenantId,
        position,
        active: true,
        name: stage.name,
        workingDays: stage.workingDays,
        remindDaysBefore: stage.remindDaysBefore,
        source: stage.source ?? Prisma.DbNull,
      };
      await tx.slaStage.upsert({
        where: { slaPolicyId_key: { slaPolicyId, key: stage.key } },
        create: { slaPolicyId, key: stage.key, ...data },
        update: data,
      });
    }
    await tx.slaStage.updateMany({
      where: { slaPolicyId, key: { notIn: policy.stages.map((stage) => stage.key) } },
      data: { active: false },
    });
  }
  await syncKeyed(tx.caseType, tenantId, snapshot.caseTypes, (caseType, position) => ({
    position,
    kind: caseType.kind,
    name: caseType.name,
    description: caseType.description ?? Prisma.DbNull,
    criteria: caseType.form.criteria,
    formKey: caseType.form.key,
    formFields: caseType.form.fields,
    onlineIntake: caseType.onlineIntake,
    identityModes: caseType.identity.allowed,
    confidential: caseType.identity.confidential,
    identifiedRequires: caseType.identity.identifiedRequires,
    pseudonymousRequires: caseType.identity.pseudonymousRequires,
    identityNote: caseType.identity.note ?? Prisma.DbNull,
    pseudonymousNote: caseType.identity.pseudonymousNote ?? Prisma.DbNull,
    requiredDocuments: caseType.requiredDocuments,
    downloads: caseType.downloads,
    evidenceRequired: caseType.evidence.required,
    evidenceMaxFiles: caseType.evidence.maxFiles,
    evidenceMaxFileBytes: Math.round(caseType.evidence.maxFileSizeMb * MEGABYTE),
    handlingUnit: caseType.handlingUnit,
    slaPolicyId: caseType.slaPolicy ? policyIds.get(caseType.slaPolicy)! : null,
  }));

  const previous = await tx.configVersion.findFirst({ where: { tenantId }, orderBy: { version: 'desc' } });
  const changes = diffSnapshots((previous?.snapshot as unknown as TenantConfigSnapshot) ?? null, snapshot);
  await tx.configVersion.create({
    data: {
      tenantId,
      version,
      source: 'FILES',
      actor,
      hash,
      changes: changes as unknown as Prisma.InputJsonValue,
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
    },
  });
  return { slug: file.slug, status: existing ? 'UPDATED' : 'CREATED', version, changes: changes.length };
}

/** The delegate shape shared by the keyed configuration models. */
interface KeyedDelegate {
  upsert(args: {
    where: { tenantId_key: { tenantId: string; key: string } };
    create: Record<string, unknown>;
    update: Record<string, unknown>;
    select: { id: true };
  }): Promise<{ id: string }>;
  updateMany(args: { where: { tenantId: string; key: { notIn: string[] } }; data: { active: boolean } }): Promise<unknown>;
}

/** Upserts items by `(tenantId, key)`, deactivates the ones no longer listed, returns ids by key. */
async function syncKeyed<T extends { key: string }>(
  delegate: unknown,
  tenantId: string,
  items: T[],
  toRow: (item: T, position: number) => Record<string, unknown>,
): Promise<Map<string, string>> {
  const model = delegate as KeyedDelegate;
  const ids = new Map<string, string>();
  for (const [position, item] of items.entries()) {
    const data = { ...toRow(item, position), active: true };
    const row = await model.upsert({
      where: { tenantId_key: { tenantId, key: item.key } },
      create: { tenantId, key: item.key, ...data },
      update: data,
      select: { id: true },
    });
    ids.set(item.key, row.id);
  }
  await model.updateMany({ where: { tenantId, key: { notIn: items.map((item) => item.key) } }, data: { active: false } });
  return ids;
}
