/**
 * Where reporter identities go in (opening them comes with the staff console). Confidential case
 * types seal to the tenant's active identity custodians; other types encrypt with the
 * tenant's data key. The additional data binds every ciphertext to its tenant and case,
 * so a row copied to another case does not open.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { IdentityProtection } from '../generated/prisma/enums.ts';
import { withTenantScope } from '../auth/data-scope.ts';
import { AppError } from '../errors.ts';
import { createCustodianKeys, assertPassphraseStrength, type CustodianKeyOptions } from './custodian-keys.ts';
import { sealToRecipients } from './sealed-box.ts';
import { createWrappedTenantKey, decryptValue, encryptValue, encryptedValueSchema, unwrapTenantKey, wrappedTenantKeySchema } from './tenant-keys.ts';

/** What a reporter told us about themselves; absent fields were not asked or not given. */
export interface ReporterIdentity {
  name?: string;
  idNumber?: string;
  phone?: string;
  email?: string;
  address?: string;
}

type Db = PrismaClient | Prisma.TransactionClient;

export function identityAad(tenantId: string, caseId: string): string {
  return `tenant:${tenantId}|case:${caseId}|identity`;
}

export class IdentityVault {
  /** Unwrapped tenant keys, kept in memory for the life of the process. */
  readonly #tenantKeys = new Map<string, Buffer>();
  readonly #evidenceKeys = new Map<string, Buffer>();

  constructor(private readonly masterKey: Buffer) {}

  async protect(
    db: PrismaClient,
    input: { tenantId: string; caseId: string; confidential: boolean; identity: ReporterIdentity },
  ): Promise<{ protection: IdentityProtection; envelope: Prisma.InputJsonValue | null }> {
    const fields = Object.fromEntries(Object.entries(input.identity).filter(([, value]) => value !== undefined && value !== ''));
    if (Object.keys(fields).length === 0) return { protection: 'NONE', envelope: null };
    const plaintext = JSON.stringify(fields);
    const aad = identityAad(input.tenantId, input.caseId);
    if (input.confidential) {
      const custodians = await withTenantScope(db, input.tenantId, (tx) =>
        tx.identityCustodian.findMany({
          where: { tenantId: input.tenantId, active: true },
          select: { id: true, publicKey: true },
        }),
      );
      if (custodians.length === 0) {
        throw new AppError(
          'CONFLICT',
          'This agency cannot take confidential reports with an identity yet: it has no identity custodian. Report anonymously, or contact the agency.',
        );
      }
      const envelope = sealToRecipients(
        plaintext,
        custodians.map((custodian) => ({ custodianId: custodian.id, publicKey: custodian.publicKey })),
        aad,
      );
      return { protection: 'SEALED', envelope: envelope as unknown as Prisma.InputJsonValue };
    }
    const key = await this.#tenantKey(db, input.tenantId);
    return { protection: 'TENANT_KEY', envelope: encryptValue(key, plaintext, aad) as unknown as Prisma.InputJsonValue };
  }

  /**
   * Opens an identity kept with the tenant's key (never a sealed one: only a custodian can).
   * The wrapped tenant keys are readable outside any scope; only the master key opens them.
   */
  async openTenantKeyed(db: Db, input: { tenantId: string; caseId: string; envelope: unknown }): Promise<ReporterIdentity> {
    const key = await this.#tenantKey(db, input.tenantId);
    const plaintext = decryptValue(key, encryptedValueSchema.parse(input.envelope), identityAad(input.tenantId, input.caseId));
    try {
      return JSON.parse(plaintext.toString('utf8')) as ReporterIdentity;
    } finally {
      plaintext.fill(0);
    }
  }

  /**
   * Encrypts a value that is not an identity but as private, e.g. a reporter's notification
   * address, with the tenant's data key; `aad` names what it is and whose (it must be given
   * again to open it).
   */
  async encryptForTenant(db: Db, tenantId: string, aad: string, value: string): Promise<Prisma.InputJsonValue> {
    const key = await this.#tenantKey(db, tenantId);
    return encryptValue(key, value, aad) as unknown as Prisma.InputJsonValue;
  }

  /** Opens what `encryptForTenant` wrote with the same `aad`. */
  async decryptForTenant(db: Db, tenantId: string, aad: string, envelope: unknown): Promise<string> {
    const key = await this.#tenantKey(db, tenantId);
    const plaintext = decryptValue(key, encryptedValueSchema.parse(envelope), aad);
    try {
      return plaintext.toString('utf8');
    } finally {
      plaintext.fill(0);
    }
  }

  /**
   * The key a tenant's evidence files are encrypted under (evidence/evidence-crypto.ts): derived
   * from the tenant key (HKDF, its own label), so the tenant key itself never leaves the vault.
   */
  async evidenceKey(db: Db, tenantId: string): Promise<Buffer> {
    const cached = this.#evidenceKeys.get(tenantId);
    if (cached) return cached;
    const tenantKey = await this.#tenantKey(db, tenantId);
    const key = Buffer.from(hkdfSync('sha256', tenantKey, Buffer.alloc(0), `aduan/evidence/tenant-key/v1|tenant:${tenantId}`, 32));
    this.#evidenceKeys.set(tenantId, key);
    return key;
  }

  /**
   * A value only the platform can make for `subject` (e.g. `case:<id>|reporter-mail-stop`): the
   * proof in a link a mail carries (HMAC-SHA256 under a key derived from the tenant's, its own label).
   */
  async linkToken(db: Db, tenantId: string, subject: string): Promise<string> {
    const tenantKey = await this.#tenantKey(db, tenantId);
    const key = Buffer.from(hkdfSync('sha256', tenantKey, Buffer.alloc(0), `aduan/link-token/v1|tenant:${tenantId}`, 32));
    return createHmac('sha256', key).update(subject).digest('base64url');
  }

  /** Whether `token` is `linkToken` of the subject (compared in constant time). */
  async checkLinkToken(db: Db, tenantId: string, subject: string, token: string): Promise<boolean> {
    const expected = Buffer.from(await this.linkToken(db, tenantId, subject));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  async #tenantKey(db: Db, tenantId: string): Promise<Buffer> {
    const cached = this.#tenantKeys.get(tenantId);
    if (cached) return cached;
    let row = await db.tenantKey.findUnique({ where: { tenantId } });
    if (!row) {
      const wrapped = createWrappedTenantKey(this.masterKey, tenantId);
      await db.tenantKey.createMany({ data: [{ tenantId, wrappedKey: wrapped as unknown as Prisma.InputJsonValue }], skipDuplicates: true });
      row = await db.tenantKey.findUniqueOrThrow({ where: { tenantId } });
    }
    const key = unwrapTenantKey(this.masterKey, wrappedTenantKeySchema.parse(row.wrappedKey), tenantId);
    this.#tenantKeys.set(tenantId, key);
    return key;
  }
}

/** Adds an identity custodian; the recovery key is returned once and never stored. */
export async function createIdentityCustodian(
  prisma: Db,
  input: { tenantId: string; name: string; passphrase: string; staffUserId?: string | null; demo?: boolean },
  options?: CustodianKeyOptions,
): Promise<{ id: string; recoveryKey: string }> {
  assertPassphraseStrength(input.passphrase);
  const keys = await createCustodianKeys(input.passphrase, options);
  const custodian = await prisma.identityCustodian.create({
    data: {
      tenantId: input.tenantId,
      staffUserId: input.staffUserId ?? null,
      name: input.name,
      demo: input.demo ?? false,
      publicKey: keys.publicKey,
      encryptedPrivateKey: keys.encryptedPrivateKey as unknown as Prisma.InputJsonValue,
      recoveryEncryptedPrivateKey: keys.recoveryEncryptedPrivateKey as unknown as Prisma.InputJsonValue,
    },
  });
  return { id: custodian.id, recoveryKey: keys.recoveryKey };
}
