/**
 * The API's environment, parsed once at boot. Nothing else reads `process.env`.
 * A bad value stops the process with the names of the bad keys (never their values).
 */
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `loopback`, `linklocal`, `uniquelocal`, an address, or an address with a prefix length (CIDR). */
function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = net.isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** A comma-separated list of trusted proxies; empty means none. */
const proxyList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .refine((entries) => entries.every(isProxyEntry), 'comma-separated addresses, CIDRs, loopback, linklocal or uniquelocal');

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /**
     * `demo`: the README's first look (demo agencies, accounts and custodian with published
     * passwords, explorer on). `production`: none of that; the API refuses to start while a demo
     * account or custodian exists. Defaults to production when NODE_ENV=production, so a
     * deployment that forgets this key gets no demo doors.
     */
    ADUAN_MODE: z.enum(['demo', 'production']).optional(),
    API_HOST: z.string().default('0.0.0.0'),
    API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    /**
     * The peers whose X-Forwarded-For (the client's address, which every per-address rate limit
     * counts) and X-Forwarded-Host (which agency a request on /graphql is for) are believed:
     * the web servers in front of the API. Default: none, so a client cannot choose its own
     * address. `pnpm start` sets `loopback` (the web server on the same machine).
     */
    TRUSTED_PROXIES: proxyList,
    /** PostgreSQL when set; otherwise the embedded PGlite database in PGLITE_DATA_DIR. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /**
     * PostgreSQL: the API's own login, a role that owns nothing (row-level security applies to
     * it; `pnpm ops migrate` creates it). DATABASE_URL stays the owner's, for `pnpm ops`; an API
     * process needs only this one. Unset, the API connects with DATABASE_URL, which production
     * refuses when that role owns the tables (docs/trust/row-level-security.md).
     */
    API_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** Connections in the PostgreSQL pool of one API process. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    PGLITE_DATA_DIR: z.string().default(path.join(REPO_ROOT, '.data', 'pglite')),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// URL')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** This deployment's namespace in Redis (rate counts, live signals), so deployments sharing one Redis stay apart. */
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lowercase letters, digits, - and _, at most 40')
      .default('aduan'),
    TENANTS_DIR: z.string().default(path.join(REPO_ROOT, 'tenants')),
    CALENDARS_DIR: z.string().default(path.join(REPO_ROOT, 'ops', 'data', 'calendars')),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** How long a cached tenant configuration is trusted before its version is re-checked. */
    CONFIG_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    /** Serve the GraphQL explorer page on GET /graphql. */
    GRAPHQL_EXPLORER: booleanFlag.optional(),
    /** Answer GraphQL introspection queries. Default: on in the demo, off in production. */
    GRAPHQL_INTROSPECTION: booleanFlag.optional(),
    /** Base64 of 32 bytes: wraps every tenant's data key. Required with PostgreSQL in production. */
    IDENTITY_MASTER_KEY: z.string().optional(),
    /** Where the embedded default keeps a generated master key. Back it up apart from the database. */
    IDENTITY_MASTER_KEY_FILE: z.string().default(path.join(REPO_ROOT, '.data', 'identity-master.key')),
    /** Evidence files: a folder on disk, or S3-compatible storage. */
    EVIDENCE_STORAGE: z.enum(['local', 's3']).default('local'),
    EVIDENCE_DIR: z.string().default(path.join(REPO_ROOT, '.data', 'evidence')),
    // How long an uploaded file that no report took is kept after its upload link expired.
    EVIDENCE_UNATTACHED_GRACE_MINUTES: z.coerce
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(24 * 60),
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().default('us-east-1'),
    S3_BUCKET: z.string().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: booleanFlag.default(true),
    /** Multiplies every rate limit (e.g. 100 for load tests, 0.1 to see the limits quickly). */
    RATE_LIMIT_SCALE: z.coerce.number().positive().max(100000).default(1),
    /** How long a reporter's session lasts. */
    REPORTER_SESSION_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    /** How long a staff member's console session lasts. */
    STAFF_SESSION_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 7)
      .default(10),
    /** How often each API process reads the event log for live updates without being told to (ms). */
    LIVE_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(1000),
    /** Open live (WebSocket) connections allowed per client address; 0 means no limit. */
    LIVE_MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(0).max(1_000_000).default(20),
    /** Subscriptions allowed on one live connection. */
    LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).max(1000).default(10),
    /** Keep-alive ping interval of live connections (ms); a client that misses a pong is dropped. */
    LIVE_KEEPALIVE_MS: z.coerce.number().int().min(1000).max(300_000).default(15_000),
    /** How often every live connection's session is looked up again (expiry, revocation) (ms). */
    LIVE_REVALIDATE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
    /** Run the SLA sweep (reminders, escalations, silence closures) in this process. */
    SLA_SWEEP_ENABLED: booleanFlag.default(true),
    /** How often the SLA sweep runs, in seconds (pg-boss on PostgreSQL, a timer on PGlite). */
    SLA_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    /**
     * Tell of case events in this process (notify/mail-runner.ts): queue and send mail, and write
     * the console's notifications of new cases, replies and answers to approve. Every instance
     * may run it (one dispatches at a time); turn it off only where another instance runs it.
     */
    NOTIFY_ENABLED: booleanFlag.default(true),
    /**
     * Email (notify/mail-transport.ts): an SMTP server as a URL (`smtp://user:pass@host:587`,
     * `smtps://…`). Without one, the demo writes each mail as an .eml file into MAIL_FOLDER and
     * production sends nothing (the mails wait, and the API warns at start).
     */
    MAIL_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** The demo's catch-all: where mails go as .eml files when no SMTP server is set. */
    MAIL_FOLDER: z.string().default(path.join(REPO_ROOT, '.data', 'mail')),
    /** The sender of every mail; the agency's name is put before the address. */
    MAIL_FROM_ADDRESS: z.email().default('no-reply@aduan.localhost'),
    /** How often each API process looks for mails to queue and send (seconds); news also wakes it. */
    MAIL_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** How often each API process brings the statistics' per-case figures up to date (seconds); news also wakes it (stats/figures-runner.ts). */
    FIGURES_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** How often each API process looks for monthly reports to create and generate (seconds); a request also wakes it (stats/monthly-report-runner.ts). */
    REPORTS_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
    /** How long a public statistics page is kept at most (seconds; 0: not cached); a figures pass drops it sooner (stats/public-statistics-cache.ts). */
    PUBLIC_STATISTICS_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(300),
    /** The first wait before a failed mail is tried again (seconds); each later wait is 4 times longer. */
    MAIL_RETRY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    /**
     * How long a mail taken for sending is kept from other turns and instances (seconds): longer
     * than a send can take (the SMTP timeouts add up to 40 s). A crash mid-send delays that mail by this.
     */
    MAIL_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
    /** The web's public address, for the links in mails (an agency's own host name wins). */
    PUBLIC_WEB_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
    /**
     * Tests only, honoured only with NODE_ENV=test: the process kills itself (SIGKILL) right
     * after a report's statement commits, before answering, to prove a re-sent form recovers
     * its receipt (ADR 0017).
     */
    TEST_CRASH_AFTER_SUBMIT: booleanFlag.default(false),
  })
  .superRefine((env, ctx) => {
    if (env.EVIDENCE_STORAGE === 's3') {
      for (const key of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when EVIDENCE_STORAGE=s3' });
      }
    }
    if ((env.NODE_ENV === 'production' || env.ADUAN_MODE === 'production') && (env.DATABASE_URL || env.API_DATABASE_URL) && !env.IDENTITY_MASTER_KEY) {
      ctx.addIssue({ code: 'custom', path: ['IDENTITY_MASTER_KEY'], message: 'is required in production with PostgreSQL' });
    }
  });

type ParsedEnv = z.infer<typeof envSchema>;
export type AduanMode = 'demo' | 'production';
export type Env = Omit<ParsedEnv, 'ADUAN_MODE' | 'GRAPHQL_EXPLORER' | 'GRAPHQL_INTROSPECTION'> & {
  ADUAN_MODE: AduanMode;
  /** Serve the explorer page on GET /graphql (default: demo only). */
  GRAPHQL_EXPLORER: boolean;
  GRAPHQL_INTROSPECTION: boolean;
};

/** Parses an environment; throws naming the bad keys. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const keys = [...new Set(result.error.issues.map((issue) => `${issue.path.join('.')} (${issue.message})`))];
    throw new Error(`invalid environment: ${keys.join(', ')}`);
  }
  const parsed = result.data;
  const mode: AduanMode = parsed.ADUAN_MODE ?? (parsed.NODE_ENV === 'production' ? 'production' : 'demo');
  const demo = mode === 'demo';
  return {
    ...parsed,
    ADUAN_MODE: mode,
    GRAPHQL_EXPLORER: parsed.GRAPHQL_EXPLORER ?? demo,
    GRAPHQL_INTROSPECTION: parsed.GRAPHQL_INTROSPECTION ?? parsed.GRAPHQL_EXPLORER ?? demo,
  };
}

export const REPOSITORY_ROOT = REPO_ROOT;

/** The PostgreSQL URL an API process connects with: its own login, else the owner's; none for PGlite. */
export function apiDatabaseUrl(env: Pick<Env, 'API_DATABASE_URL' | 'DATABASE_URL'>): string | undefined {
  return env.API_DATABASE_URL ?? env.DATABASE_URL;
}
