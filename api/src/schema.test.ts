import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printSchemaSdl } from './schema.ts';

describe('api/schema.graphql', () => {
  it('matches the schema the code builds (run `pnpm --filter @aduan/api print-schema` after an API change)', () => {
    const committed = readFileSync(path.resolve(import.meta.dirname, '..', 'schema.graphql'), 'utf8');
    expect(printSchemaSdl()).toBe(committed);
  });
});
