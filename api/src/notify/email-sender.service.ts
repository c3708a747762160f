/**
 * Sends what the dispatch queued (email-dispatch.service.ts). Each mail is first claimed in a
 * short transaction (its next attempt moved a lease ahead, so no other instance takes it), then
 * sent with no transaction open (a slow mail server holds no database connection, and on the
 * embedded database nothing else waits for it), then marked.
 *
 * A crash after the claim and before the send leaves the mail to be sent when the lease ends:
 * nothing is lost. A crash in the moment between the server's acceptance and the mark sends it
 * again when the lease ends, with the same Message-ID; no SMTP client can close that window.
 * A failed send is retried with growing waits, then marked FAILED for the agency admin to see.
 */
import { withSqlScope, withTenantScope } from '../auth/data-scope.ts';
import type { TenantConfigCache } from '../config/tenant-config.service.ts';
import type { Database } from '../db.ts';
import type { Env } from '../env.ts';
import type { IdentityVault } from '../identity/identity-vault.service.ts';
import type { Logger } from '../logger.ts';
import type { EmailKind } from '../generated/prisma/enums.ts';
import { localize, type Locale } from '../i18n/locale.ts';
import type { LocalizedText } from '../config/tenant-files.schema.ts';
import { renderMail } from './email-templates.ts';
import type { MailTransport } from './mail-transport.ts';
import { findReportEmail, findReporterNotificationEmail, reportMailStopToken } from './reporter-email.ts';

export interface SenderDeps {
  db: Database;
  vault: IdentityVault;
  configs: TenantConfigCache;
  logger: Logger;
  env: Pick<Env, 'PUBLIC_WEB_URL' | 'MAIL_FROM_ADDRESS' | 'MAIL_RETRY_SECONDS' | 'MAIL_LEASE_SECONDS'>;
  transport: MailTransport;
}

/** Attempts before a mail is given up (FAILED); the waits between them grow 1, 4, 16, 64… times MAIL_RETRY_SECONDS. */
export const MAX_ATTEMPTS = 6;
const BATCH = 20;

interface Claimed {
  id: string;
  event_id: string;
  tenant_id: string;
  case_id: string;
  kind: EmailKind;
  reporter_account_id: string | null;
  staff_user_id: string | null;
  attempts: number;
}

type Prepared =
  | { send: false; reason: string }
  | { send: true; to: string; locale: Locale; mail: ReturnType<typeof renderMail>; agency: string; settingsLink: string };

/** Addresses never reach a log or the admin's view of a failure. */
export function withoutAddresses(message: string): string {
  return message.replace(/[^\s<>"']+@[^\s<>"']+/g, '[address]').slice(0, 300);
}

/**
 * For a transfer's mail: the receiving agency and the case's number there, from the event. Read
 * before the mail's transaction: the agency's configuration may load from the database, and on
 * PGlite (one connection) a load inside a transaction waits for that transaction to end.
 */
async function findTransferTarget(deps: SenderDeps, claimed: Claimed) {
  if (claimed.kind !== 'REPORTER_TRANSFERRED') return null;
  const event = await withTenantScope(deps.db.prisma, claimed.tenant_id, (tx) =>
    tx.caseEvent.findUnique({ where: { id: BigInt(claimed.event_id) }, select: { data: true } }),
  );
  const data = (event?.data ?? {}) as { toTenantId?: string; toRegistrationNumber?: string };
  const target = data.toTenantId ? await deps.configs.find(data.toTenantId) : null;
  if (!target || !data.toRegistrationNumber) return null;
  return { config: target, registrationNumber: data.toRegistrationNumber };
}

async function prepare(deps: SenderDeps, claimed: Claimed): Promise<Prepared> {
  const config = await deps.configs.find(claimed.tenant_id);
  if (!config) return { send: false, reason: 'the agency is gone' };
  const base = deps.env.PUBLIC_WEB_URL.replace(/\/+$/, '');
  const theme = config.theme as { primaryColor: string; primaryTextColor: string };
  const target = await findTransferTarget(deps, claimed);
  return withTenantScope(deps.db.prisma, claimed.tenant_id, async (tx) => {
    const found = await tx.case.findUnique({ where: { id: claimed.case_id }, select: { registrationNumber: true } });
    if (!found) return { send: false, reason: 'the case is gone' };
    let to: string;
    let locale: Locale;
    let link: string;
    let settingsLink: string;
    let transfer: { slug: string; agency: string; registrationNumber: string } | null = null;
    const withoutAccount = !claimed.reporter_account_id && !claimed.staff_user_id;
    if (claimed.reporter_account_id || withoutAccount) {
      if (claimed.reporter_account_id) {
        const address = await findReporterNotificationEmail(tx, deps.vault, claimed.tenant_id, claimed.reporter_account_id);
        if (!address) return { send: false, reason: 'the reporter removed their address' };
        ({ email: to, locale } = address);
        link = `${base}/t/${config.slug}/akun/laporan`;
        settingsLink = `${link}#email`;
      } else {
        // Identified, without an account (email-dispatch.service.ts): the track page, and a link that stops these mails.
        const address = await findReportEmail(tx, deps.vault, claimed.tenant_id, claimed.case_id);
        if (!address) return { send: false, reason: 'the reporter stopped these mails or gave no address' };
        ({ email: to, locale } = address);
        link = `${base}/t/${config.slug}/lacak`;
        const token = await reportMailStopToken(tx, deps.vault, claimed.tenant_id, claimed.case_id);
        settingsLink = `${base}/t/${config.slug}/email/berhenti?kasus=${claimed.case_id}&token=${token}`;
      }
      if (target) {
        const agency = localize(target.config.name as LocalizedText, locale) ?? target.config.shortName;
        transfer = { slug: target.config.slug, agency, registrationNumber: target.registrationNumber };
        link = `${base}/t/${transfer.slug}/lacak`;
      }
    } else {
      // A row names either a reporter account or a staff member (email-dispatch.service.ts).
      const staffUserId = claimed.staff_user_id!;
      const staff = await tx.staffUser.findUnique({ where: { id: staffUserId }, select: { email: true, active: true, tenantId: true, emailOptOut: true } });
      const excluded = await tx.caseExclusion.count({ where: { caseId: claimed.case_id, staffUserId } });
      if (!staff?.active || excluded > 0) return { send: false, reason: 'the staff member may no longer see the case' };
      if (staff.emailOptOut.includes(claimed.kind)) return { send: false, reason: 'the staff member chose not to receive this kind' };
      to = staff.email;
      locale = 'id';
      // The secretariat works in the platform's console, an agency's staff in the agency's.
      const consoleBase = staff.tenantId ? `${base}/t/${config.slug}/konsol` : `${base}/konsol/sekretariat`;
      link = `${consoleBase}/kasus/${claimed.case_id}`;
      settingsLink = `${consoleBase}/notifikasi`;
    }
    const agency = localize(config.name as LocalizedText, locale) ?? config.shortName;
    const mail = renderMail(claimed.kind, {
      locale,
      agency: { name: agency, primaryColor: theme.primaryColor, primaryTextColor: theme.primaryTextColor },
      registrationNumber: found.registrationNumber,
      link,
      settingsLink,
      withoutAccount,
      ...(transfer ? { transfer: { agency: transfer.agency, registrationNumber: transfer.registrationNumber } } : {}),
    });
    return { send: true, to, locale, mail, agency, settingsLink };
  });
}

async function mark(deps: SenderDeps, id: string, update: { status: 'SENT' | 'FAILED' | 'CANCELLED' | 'PENDING'; error?: string; retryInSeconds?: number }) {
  await withSqlScope(deps.db.sql, 'platform', (runner) =>
    runner.query(
      `UPDATE email_outbox SET status = $2::"EmailStatus", last_error = $3,
         sent_at = CASE WHEN $2 = 'SENT' THEN now() ELSE sent_at END,
         next_attempt_at = CASE WHEN $4::int IS NULL THEN next_attempt_at ELSE now() + make_interval(secs => $4::int) END
       WHERE id = $1`,
      [id, update.status, update.error ?? null, update.retryInSeconds ?? null],
    ),
  );
}

/** Sends the mails that are due; returns how many went out, failed for now, and were given up. */
export async function sendDueEmails(deps: SenderDeps): Promise<{ sent: number; retried: number; failed: number; cancelled: number }> {
  const lease = deps.env.MAIL_LEASE_SECONDS;
  const claimed = await withSqlScope(deps.db.sql, 'platform', (runner) =>
    runner.query<Claimed>(
      `UPDATE email_outbox SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2::int)
       WHERE id IN (SELECT id FROM email_outbox WHERE status = 'PENDING' AND next_attempt_at <= now()
                    ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id, event_id::text AS event_id, tenant_id, case_id, kind::text AS kind, reporter_account_id, staff_user_id, attempts`,
      [BATCH, lease],
    ),
  );
  const result = { sent: 0, retried: 0, failed: 0, cancelled: 0 };
  for (const row of claimed) {
    try {
      const prepared = await prepare(deps, row);
      if (!prepared.send) {
        await mark(deps, row.id, { status: 'CANCELLED', error: prepared.reason });
        result.cancelled += 1;
        continue;
      }
      await deps.transport.send({
        messageId: `<${row.id}@aduan>`,
        from: { name: prepared.agency, address: deps.env.MAIL_FROM_ADDRESS },
        to: prepared.to,
        ...prepared.mail,
        // Where mail programs offer "unsubscribe": the page that turns these mails off.
        headers: { 'List-Unsubscribe': `<${prepared.settingsLink}>` },
      });
      await mark(deps, row.id, { status: 'SENT' });
      result.sent += 1;
    } catch (error) {
      const reason = withoutAddresses(error instanceof Error ? error.message : String(error));
      if (row.attempts >= MAX_ATTEMPTS) {
        await mark(deps, row.id, { status: 'FAILED', error: reason });
        result.failed += 1;
        deps.logger.warn({ mail: row.id, tenantId: row.tenant_id, kind: row.kind, attempts: row.attempts, reason }, 'mail given up');
      } else {
        await mark(deps, row.id, { status: 'PENDING', error: reason, retryInSeconds: deps.env.MAIL_RETRY_SECONDS * 4 ** (row.attempts - 1) });
        result.retried += 1;
        deps.logger.warn({ mail: row.id, tenantId: row.tenant_id, kind: row.kind, attempts: row.attempts, reason }, 'mail not sent; will retry');
      }
    }
  }
  return result;
}
