/**
 * The web server's configuration, parsed from process.env once at boot. Nothing else in
 * web/ reads process.env. A bad value stops the server naming the key, never its value.
 */
import { z } from 'zod';

const hostList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
  );

const EnvSchema = z.object({
  /** Base URL of the GraphQL API; `/graphql` and `/t/<slug>/graphql` are appended. */
  API_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4000'),
  /** How long a page waits for the API before it answers 503. */
  API_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  /**
   * Host names (without port) that serve the platform itself. Requests on any other host
   * are first offered to the API as an agency's own host name.
   */
  PLATFORM_HOSTS: hostList.default(['localhost', '127.0.0.1', '[::1]']),
});

export type Env = z.infer<typeof EnvSchema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = EnvSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const keys = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))];
  console.error(`Invalid web configuration; check these environment variables: ${keys.join(', ')}`);
  process.exit(1);
}

export const env: Env = Object.freeze(parseEnv(process.env));
