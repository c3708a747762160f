/**
 * What every resolver gets: the request's tenant (by `/t/<slug>` or host name), the
 * viewer's language, the database, the shared caches and a per-request logger.
 */
import type { Database } from './db.ts';
import type { Env } from './env.ts';
import { AppError } from './errors.ts';
import type { TenantConfig, TenantConfigCache } from './config/tenant-config.service.ts';
import type { Locale } from './i18n/locale.ts';
import type { Logger } from './logger.ts';
import type { TenantDirectory, TenantRef } from './tenancy/tenant-directory.ts';
import type { RateLimits } from './abuse/rate-limits.ts';
import type { EvidenceStorage } from './evidence/evidence-storage.ts';
import type { IdentityVault } from './identity/identity-vault.service.ts';
import { findReporterSession, type ReporterSessionRef } from './reporters/reporter-account.service.ts';
import type { NationalCalendarCache } from './sla/working-calendar.service.ts';
import { findStaffSession } from './auth/staff-auth.service.ts';
import { toStaffViewer, type StaffViewer } from './auth/staff-viewer.ts';
import type { LiveServices } from './live/live-services.ts';
import type { OpaqueIdCodec } from './live/live-cursor.ts';
import type { LiveConnection } from './live/live-connections.ts';
import type { PublicStatisticsCache } from './stats/public-statistics-cache.ts';
import type { PublicStatistics } from './stats/public-statistics.service.ts';

/** Long-lived services shared by all requests of one process. */
export interface AppServices {
  env: Env;
  db: Database;
  logger: Logger;
  configs: TenantConfigCache;
  directory: TenantDirectory;
  calendars: NationalCalendarCache;
  vault: IdentityVault;
  rateLimits: RateLimits;
  evidenceStorage: EvidenceStorage;
  /** Live updates: the bus between instances, the event feed, the open WebSocket connections. */
  live: LiveServices;
  /** Audit entry ids to and from the opaque tokens clients see (one sequence for the platform). */
  auditIds: OpaqueIdCodec;
  /** The public statistics pages, dropped per agency when the figures pass rewrites its figures. */
  publicStatistics: PublicStatisticsCache<PublicStatistics>;
}

/** How the request named its tenant, for the error message when none matched. */
export type TenantLookup = { by: 'slug'; slug: string } | { by: 'host'; host: string } | { by: 'none' };

/** Who and what a request is for, resolved before GraphQL runs. */
export interface RequestTarget {
  locale: Locale;
  tenantLookup: TenantLookup;
  tenant: TenantRef | null;
  /** Where the response may be stored by the public configuration cache, if it qualifies. */
  configResponseCacheKey: string | null;
}

export interface Context extends AppServices, RequestTarget {
  requestId: string;
  /** The client's address (behind the web server: the address it forwarded). Never stored with a report. */
  clientIp: string;
  /** A bearer token from the Authorization header, resolved lazily by `findReporter`. */
  bearerToken: string | null;
  /** Memo of the reporter session lookup for this request. */
  reporterLookup?: Promise<ReporterSessionRef | null>;
  /** Memo of the staff session lookup for this request. */
  staffLookup?: Promise<StaffViewer | null>;
  /** The WebSocket connection a subscription runs on (absent over HTTP). */
  liveConnection?: LiveConnection;
}

/**
 * The signed-in staff member of this request, if any. An agency's staff are signed in only
 * on their own agency's address; secretariat staff and operators only on the platform's.
 */
export function findStaff(ctx: Context): Promise<StaffViewer | null> {
  if (!ctx.bearerToken) return Promise.resolve(null);
  ctx.staffLookup ??= findStaffSession(ctx.db.prisma, ctx.bearerToken).then((session) =>
    session && session.tenantId === (ctx.tenant?.id ?? null) ? toStaffViewer(session) : null,
  );
  return ctx.staffLookup;
}

export async function getStaff(ctx: Context): Promise<StaffViewer> {
  const staff = await findStaff(ctx);
  if (!staff) throw new AppError('UNAUTHENTICATED', 'Sign in to the staff console first.');
  return staff;
}

/** The signed-in pseudonymous reporter of this request, if any. */
export function findReporter(ctx: Context): Promise<ReporterSessionRef | null> {
  if (!ctx.bearerToken || !ctx.tenant) return Promise.resolve(null);
  ctx.reporterLookup ??= findReporterSession(ctx.db.prisma, ctx.tenant.id, ctx.bearerToken);
  return ctx.reporterLookup;
}

export async function getReporter(ctx: Context): Promise<ReporterSessionRef> {
  const reporter = await findReporter(ctx);
  if (!reporter) throw new AppError('UNAUTHENTICATED', 'Sign in with your pseudonym account first.');
  return reporter;
}

/** The request's tenant; TENANT_NOT_FOUND when the slug or host matched none. */
export function getTenant(ctx: Context): TenantRef {
  if (ctx.tenant) return ctx.tenant;
  const lookup = ctx.tenantLookup;
  const what =
    lookup.by === 'slug'
      ? `no agency has the address "${lookup.slug}"`
      : lookup.by === 'host'
        ? `no agency is served at host "${lookup.host}"`
        : "this request names no agency: use /t/<slug>/graphql or the agency's host name";
  throw new AppError('TENANT_NOT_FOUND', `Tenant not found: ${what}.`, { lookup });
}

/** The request's tenant with its whole configuration (cached). */
export async function getTenantConfig(ctx: Context): Promise<TenantConfig> {
  const tenant = getTenant(ctx);
  const config = await ctx.configs.find(tenant.id);
  if (!config) throw new AppError('TENANT_NOT_FOUND', 'Tenant not found: the agency no longer exists.');
  return config;
}

export async function resolveTenant(services: Pick<AppServices, 'directory'>, lookup: TenantLookup): Promise<TenantRef | null> {
  if (lookup.by === 'slug') return services.directory.findBySlug(lookup.slug);
  if (lookup.by === 'host') return services.directory.findByHost(lookup.host);
  return null;
}
