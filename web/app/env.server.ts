/**
 * The pages' configuration, parsed from process.env once at boot. Nothing else in web/app
 * reads process.env (the web server's own settings are `web/server/env.ts`, which checks these
 * too, before it loads the pages). A bad value stops the server naming the key, never its value.
 */
import { EnvSchema, parseEnvOrExit, type Env } from './env-schema.server';

export type { Env };

export const env: Env = Object.freeze(parseEnvOrExit(EnvSchema, process.env));
