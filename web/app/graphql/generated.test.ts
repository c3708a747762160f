/**
 * The committed `generated/graphql.ts` is what GraphQL Code Generator makes now from
 * api/schema.graphql and the documents here (`pnpm --filter @aduan/web run generate` rewrites it).
 * `pnpm typecheck` checks the same with `graphql-codegen --check`; this test keeps the check in the
 * suite that CI runs. Generation also fails on a document that asks for what the schema lacks.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen';

const webRoot = fileURLToPath(new URL('../../', import.meta.url));
const OUTPUT = 'app/graphql/generated/graphql.ts';

describe('generated GraphQL types', () => {
  it('match the schema and the documents (run `pnpm --filter @aduan/web run generate` after changing either)', async () => {
    const outputs = await generate({ ...config, cwd: webRoot, silent: true }, false);
    const output = outputs.find((file: { filename: string; content: string }) => file.filename.endsWith(OUTPUT));
    expect(output, OUTPUT).toBeDefined();
    expect(
      output!.content === readFileSync(new URL(`../../${OUTPUT}`, import.meta.url), 'utf8'),
      `${OUTPUT} drifted from api/schema.graphql or the documents`,
    ).toBe(true);
  });

  it('refuse a document that asks for a field the schema does not have', async () => {
    const documents = ['app/graphql/*.graphql', 'query Drifted { viewerStaff { id fieldTheSchemaLacks } }'];
    await expect(generate({ ...config, documents, cwd: webRoot, silent: true }, false)).rejects.toThrow(/fieldTheSchemaLacks/);
  });
});
