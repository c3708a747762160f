/** `.env.example` is where an operator learns the settings: every setting the API reads is in it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envSchema, parseEnv } from './env.ts';

const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
/** `NAME=value`, or `# NAME=value` for a setting that is off by default. */
const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]));

describe('.env.example', () => {
  it('names every setting of the API', () => {
    const missing = Object.keys(envSchema.shape).filter((name) => !documented.has(name));
    expect(missing, 'add these to .env.example with a line on what each does').toEqual([]);
  });

  it('holds values the API accepts, as they are written there', () => {
    const values = Object.fromEntries([...example.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((match) => [match[1], match[2]]));
    expect(() => parseEnv({ ...values, NODE_ENV: 'development' })).not.toThrow();
  });
});
