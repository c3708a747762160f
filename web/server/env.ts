/**
 * The web server's configuration, parsed from process.env once at start, before the pages are
 * loaded: its own settings (where it listens, which proxies it believes) and the pages' settings
 * (`app/env.server.ts`: the API's address, timeouts, platform hosts), so a bad value of either
 * stops it at once with one line naming the keys (never their values), not a stack trace.
 * Nothing else in web/server reads process.env.
 */
import proxyAddr from 'proxy-addr';
import { z } from 'zod';
import { EnvSchema as PagesEnvSchema, parseEnvOrExit } from '../app/env-schema.server.ts';

/** Express's `trust proxy`: whom to believe about X-Forwarded-For / -Proto / -Host. */
export type TrustProxy = boolean | number | string[];

/**
 * TRUST_PROXY: empty or unset (believe no proxy), `true`/`false`, a number of hops, or a
 * comma-separated list of addresses, CIDRs and the names `loopback`, `linklocal`, `uniquelocal`.
 * A list is checked by the same compiler express uses (proxy-addr), so what starts is what runs.
 */
const trustProxy = z
  .string()
  .default('')
  .transform((value, context): TrustProxy => {
    const trimmed = value.trim();
    if (trimmed === '' || trimmed === 'false') return false;
    if (trimmed === 'true') return true;
    if (/^\d{1,3}$/.test(trimmed)) return Number(trimmed);
    const entries = trimmed
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    try {
      proxyAddr.compile(entries);
    } catch {
      context.addIssue({ code: 'custom', message: 'true, false, a number of hops, or comma-separated addresses, CIDRs, loopback, linklocal or uniquelocal' });
      return z.NEVER;
    }
    return entries;
  });

/** A TCP port; 0 lets the system choose one. */
const port = z
  .string()
  .regex(/^\d{1,5}$/, 'a port number')
  .transform(Number)
  .refine((value) => value <= 65535, 'a port number')
  .default(3000);

export const ServerEnvSchema = PagesEnvSchema.extend({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  PORT: port,
  /** The address to listen on; unset, all of them. */
  HOST: z
    .string()
    .min(1)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  TRUST_PROXY: trustProxy,
});

export type ServerEnv = z.infer<typeof ServerEnvSchema>;

export const env: ServerEnv = Object.freeze(parseEnvOrExit(ServerEnvSchema, process.env));
// React and Remix read NODE_ENV from process.env when the server build is loaded.
process.env.NODE_ENV = env.NODE_ENV;
