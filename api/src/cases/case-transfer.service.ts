/**
 * Transferring a case to the competent agency (another tenant, in any province): the
 * receiving agency gets it as its own new case, with its own number and SLA from today,
 * linked to the original; the original ends as TRANSFERRED and tells the reporter the new
 * number. The reporter follows the new number with the same tracking code.
 *
 * What moves: the report, its category (where the receiving agency has one of the same key),
 * the evidence (the same stored files) and, for identities kept with the tenant's key, the
 * identity (re-encrypted with the receiving agency's key). A sealed identity never moves: the
 * server cannot open it, and it stays with the original agency's custodians.
 *
 * A target that cannot take the case is BAD_USER_INPUT on `targetAgencySlug`, in the staff
 * member's language (Bahasa Indonesia unless they asked for English), with a `reason` code.
 */
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client.ts';
import type { IdentityProtection } from '../generated/prisma/enums.ts';
import { AppError } from '../errors.ts';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import type { IdentityVault } from '../identity/identity-vault.service.ts';
import type { TenantDirectory } from '../tenancy/tenant-directory.ts';
import { localize, type LocalizedText, type Locale } from '../i18n/locale.ts';
import { enterScope, withDataScope } from '../auth/data-scope.ts';
import { planTransition } from './case-lifecycle.ts';
import { applyTransition, cleanText, loadForHandling, tenantContext, type WorkflowDeps } from './case-workflow.service.ts';
import { insertStaffCase } from './staff-case-creation.ts';

export interface TransferDeps extends WorkflowDeps {
  vault: IdentityVault;
  directory: TenantDirectory;
}

/** Why the chosen agency cannot receive the case. */
export type TransferRefusal = 'UNKNOWN_AGENCY' | 'SAME_AGENCY' | 'KIND_NOT_TAKEN';

const REFUSALS: Record<TransferRefusal, Record<Locale, string>> = {
  UNKNOWN_AGENCY: { id: 'Tidak ada instansi dengan alamat ini.', en: 'No agency has this address.' },
  SAME_AGENCY: { id: 'Aduan ini sudah berada di instansi ini.', en: 'The case is already at this agency.' },
  KIND_NOT_TAKEN: { id: '{agency} tidak menerima jenis laporan ini ({caseType}).', en: '{agency} does not take this kind of report ({caseType}).' },
};

/** The refusal as an input error on the target, in the staff member's language. */
function refuseTarget(reason: TransferRefusal, locale: Locale, values: Record<string, string> = {}): AppError {
  const message = REFUSALS[reason][locale].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
  return new AppError('BAD_USER_INPUT', message, { reason, issues: [{ path: ['input', 'targetAgencySlug'], message }] });
}

export async function transferCase(
  deps: TransferDeps,
  viewer: StaffViewer,
  input: { caseId: string; targetAgencySlug: string; reason: string; now?: Date },
  options: { locale?: Locale } = {},
): Promise<{ registrationNumber: string; agencySlug: string }> {
  const locale = options.locale ?? 'id';
  const reason = cleanText(input.reason, 'reason', { required: true })!;
  const now = input.now ?? new Date();
  const target = await deps.directory.findBySlug(input.targetAgencySlug.trim());
  if (!target) throw refuseTarget('UNKNOWN_AGENCY', locale);

  // Read what moves in the viewer's own scope first.
  const source = await withDataScope(deps.db.prisma, viewer.scope, async (tx) => {
    const row = await loadForHandling(tx, viewer, input.caseId);
    planTransition(row, 'TRANSFER', { kind: 'STAFF', roles: viewer.roles }, reason);
    const full = await tx.case.findUniqueOrThrow({
      where: { id: row.id },
      select: {
        identityMode: true,
        identityProtection: true,
        identity: true,
        trackingCodeHash: true,
        title: true,
        answers: true,
        locale: true,
        categoryId: true,
        evidence: { where: { status: 'ATTACHED' } },
      },
    });
    return { row, full };
  });
  if (target.id === source.row.tenantId) throw refuseTarget('SAME_AGENCY', locale);

  const from = await tenantContext(deps, source.row.tenantId, source.row.caseTypeId);
  const to = await deps.configs.find(target.id);
  if (!to) throw refuseTarget('UNKNOWN_AGENCY', locale);
  const caseType = to.caseTypes.find((item) => item.kind === from.caseType.kind);
  if (!caseType) {
    const caseTypeName = localize(from.caseType.name as unknown as LocalizedText, locale) ?? from.caseType.kind;
    throw refuseTarget('KIND_NOT_TAKEN', locale, { agency: to.shortName, caseType: caseTypeName });
  }
  const calendar = await deps.calendars.forTenant(to);
  const newId = randomUUID();

  // Keys are the owner's business (the app role has no grant on them): re-encrypt outside the scope.
  let identity: { protection: IdentityProtection; envelope: Prisma.InputJsonValue | null } = { protection: 'NONE', envelope: null };
  if (source.full.identityProtection === 'TENANT_KEY' && source.full.identity) {
    const opened = await deps.vault.openTenantKeyed(deps.db.prisma, { tenantId: source.row.tenantId, caseId: source.row.id, envelope: source.full.identity });
    identity = await deps.vault.protect(deps.db.prisma, { tenantId: target.id, caseId: newId, confidential: caseType.confidential, identity: opened });
  }
  const identityRetained = source.full.identityProtection === 'SEALED';
  const categoryKey = from.config.categories.find((item) => item.id === source.full.categoryId)?.key;

  return withDataScope(deps.db.prisma, viewer.scope, async (tx) => {
    const row = await loadForHandling(tx, viewer, input.caseId);
    const plan = planTransition(row, 'TRANSFER', { kind: 'STAFF', roles: viewer.roles }, reason);
    // The insert belongs to the receiving agency: widen this transaction's scope to it.
    await enterScope(tx, { tenantIds: [...viewer.scope.tenantIds, target.id] });
    const registrationNumber = await insertStaffCase(tx, {
      id: newId,
      tenant: to,
      caseType,
      calendar,
      categoryId: to.categories.find((item) => item.key === categoryKey)?.id ?? null,
      channelId: null,
      identityMode: source.full.identityMode,
      identity,
      trackingCodeHash: source.full.trackingCodeHash,
      title: source.full.title,
      answers: source.full.answers as Record<string, string>,
      locale: source.full.locale,
      receivedAt: now,
      now,
      externalReference: row.registrationNumber,
      recordedById: viewer.userId,
      transferredFromId: row.id,
    });
    if (source.full.evidence.length > 0) {
      await tx.evidence.createMany({
        data: source.full.evidence.map((file) => ({
          tenantId: target.id,
          caseId: newId,
          caseTypeId: caseType.id,
          status: 'ATTACHED' as const,
          uploadExpiresAt: file.uploadExpiresAt,
          maxBytes: file.maxBytes,
          fileName: file.fileName,
          contentType: file.contentType,
          size: file.size,
          sha256: file.sha256,
          storageKey: file.storageKey,
          storedAt: file.storedAt,
          encryptedFor: file.encryptedFor,
        })),
      });
    }
    await tx.caseEvent.create({
      data: {
        tenantId: target.id,
        caseId: newId,
        kind: 'TRANSFERRED_IN',
        actorKind: 'STAFF',
        actorId: viewer.userId,
        visibility: 'REPORTER',
        status: 'SUBMITTED',
        reason,
        data: {
          fromTenantId: row.tenantId,
          fromRegistrationNumber: row.registrationNumber,
          evidenceCount: source.full.evidence.length,
          identityRetainedByOrigin: identityRetained,
        },
      },
    });
    // The old portal finds the report by its new number too (report-tracking.service.ts).
    await tx.case.update({ where: { id: row.id }, data: { transferredToNumber: registrationNumber } });
    // In the language the reporter filed in; the track page says the same in the page's language.
    const reporterLocale: Locale = source.full.locale === 'en' ? 'en' : 'id';
    const forwarding = {
      id: `Laporan Anda dilimpahkan kepada ${to.shortName} dengan nomor registrasi ${registrationNumber}; pantau di sana dengan nomor itu dan kode pelacakan yang sama.`,
      en: `Your report was transferred to ${to.shortName} as ${registrationNumber}; follow it there with that number and the same tracking code.`,
    };
    const message = `${reason}\n\n${forwarding[reporterLocale]}`;
    await applyTransition(tx, deps, row, plan, {
      actor: { kind: 'STAFF', id: viewer.userId },
      reason,
      message,
      now,
      data: { toTenantId: target.id, toRegistrationNumber: registrationNumber },
    });
    return { registrationNumber, agencySlug: to.slug };
  });
}
