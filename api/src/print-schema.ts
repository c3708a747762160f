/** Writes `api/schema.graphql` (committed; a test fails when it drifts). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printSchemaSdl } from './schema.ts';

const target = path.resolve(import.meta.dirname, '..', 'schema.graphql');
writeFileSync(target, printSchemaSdl());
console.log(`wrote ${target}`);
