/**
 * The pages' settings as a schema, without reading them: `env.server.ts` parses them for the
 * pages, and the web server (`web/server/env.ts`) checks them with its own before it starts.
 */
import { z } from 'zod';

const hostList = z.string().transform((value) =>
  value
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean),
);

export const EnvSchema = z.object({
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

/** Parses `source` with `schema`, or stops the process naming the bad keys (not their values). */
export function parseEnvOrExit<Schema extends z.ZodType>(schema: Schema, source: NodeJS.ProcessEnv): z.infer<Schema> {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const keys = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))];
  console.error(`Invalid web configuration; check these environment variables: ${keys.join(', ')}`);
  process.exit(1);
}
