// Prisma CLI configuration: the JavaScript engines only (no native binaries are
// downloadable on our machines). The CLI is used for `generate` and `migrate diff`;
// migrations are applied by `ops migrate` (see api/src/db/migrate.ts).
import path from 'node:path';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(import.meta.dirname, '..', 'prisma', 'schema.prisma'),
  async adapter() {
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    const { PGlite } = await import('@electric-sql/pglite');
    return new PrismaPGlite(new PGlite());
  },
});
