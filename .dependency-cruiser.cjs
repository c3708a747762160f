/**
 * The boundaries between Aduan's folders (issue 13; docs/ARCHITECTURE.md "Boundaries";
 * docs/decisions/0022-boundaries-checked-by-dependency-cruiser.md).
 *
 * Run: `pnpm boundaries` (readable report), and in CI through test/boundaries.test.ts
 * (vitest, `e2e` project). Violations that existed when the check was introduced are listed in
 * .dependency-cruiser-known-violations.json and ignored until the re-homing of issue 13 removes
 * them; any other violation fails, named by its rule. Never add to that file to make a new
 * violation pass: fix the import, or change a rule here with a reason.
 *
 * Paths are relative to the repository root. `*.test.ts` files are exempt only where a rule
 * says so.
 */

/** Test files: unit, integration and end-to-end. */
const TEST_FILE = '\\.test\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'web-not-api',
      comment:
        'The web is a client of the API: it talks GraphQL over HTTP and nothing else, so the API can change its insides, ' +
        'and no server-side secret, database handle or service can end up in a web bundle. This holds for web tests too: ' +
        'a test that compares the web with the API belongs beside the API or in test/.',
      severity: 'error',
      from: { path: '^web/' },
      // '@aduan/api…' too: the web does not depend on the package, so such an import stays unresolved and keeps its name.
      to: { path: '^(api/|@aduan/api(/|$))' },
    },
    {
      name: 'api-not-ops-or-web',
      comment:
        'The API is the innermost package: ops/ (operations, benchmarks) and web/ (the pages) are built on it, ' +
        'never the other way round, so the API starts, tests and deploys without them.',
      severity: 'error',
      from: { path: '^api/src/' },
      to: { path: '^((ops|web)/|@aduan/(ops|web)(/|$))' },
    },
    {
      name: 'sla-not-cases',
      comment:
        'Deadline maths (sla/) is a lower layer than the case state machine (cases/): cases use sla/ to compute and ' +
        'stop their clocks, so sla/ importing cases/ makes a cycle of owners. Tests may build cases to exercise a sweep.',
      severity: 'error',
      from: { path: '^api/src/sla/', pathNot: TEST_FILE },
      to: { path: '^api/src/cases/' },
    },
    {
      name: 'sla-is-the-clock',
      comment:
        'sla/ is the clock (working days, calendars, stage clocks, timers, the one rule of overdue and due soon): the ' +
        'folders built on it (jobs/ runs the sweep, notify/ tells staff, stats/ counts, live/ pushes) read it, never the ' +
        'other way round, so a change of wording, audience or dashboard never touches deadline maths. Tests may use them.',
      severity: 'error',
      from: { path: '^api/src/sla/', pathNot: TEST_FILE },
      to: { path: '^api/src/(jobs|notify|stats|live)/' },
    },
    {
      name: 'jobs-on-top',
      comment:
        'jobs/ wires background work (the SLA sweep, the upload cleanup) onto the domains; a domain importing jobs/ would ' +
        'run or know its scheduler. Only the process entry (main.ts) starts the runner; ops and tests reach it as a package.',
      severity: 'error',
      from: { path: '^api/src/[^/]+/', pathNot: ['^api/src/jobs/', TEST_FILE] },
      to: { path: '^api/src/jobs/' },
    },
    {
      name: 'config-not-cases',
      comment:
        'Configuration (config/, tenancy/) is loaded before any case exists and is read by every domain; it must not ' +
        'depend on the cases that depend on it. Tests may build cases.',
      severity: 'error',
      from: { path: '^api/src/(config|tenancy)/', pathNot: TEST_FILE },
      to: { path: '^api/src/cases/' },
    },
    {
      name: 'services-not-context',
      comment:
        'A service takes what it needs as arguments (the database, a StaffViewer from auth/staff-viewer.ts), never the ' +
        "request's context: so it runs the same from a resolver, a job or an ops command, and context.ts stays the " +
        'wiring of one request rather than a hub every domain depends on.',
      severity: 'error',
      from: { path: '^api/src/.+[.]service[.]ts$' },
      to: { path: '^api/src/context[.]ts$' },
    },
    {
      name: 'ops-uses-api-exports',
      comment:
        'ops/ uses the API as a package, through the name @aduan/api and what its package.json exports, never by a ' +
        'relative path into api/src: so what ops depends on is visible in one place and can be narrowed to what ' +
        '@aduan/api exports on purpose.',
      severity: 'error',
      from: { path: '^ops/' },
      // Through the package name the import resolves (workspace symlink, "exports") to api/src with the type
      // 'undetermined'; a relative path ('../../api/src/…') is 'local', a tsconfig or subpath alias 'aliased-…'.
      to: {
        path: '^api/',
        dependencyTypes: ['local', 'aliased-tsconfig', 'aliased-tsconfig-paths', 'aliased-tsconfig-base-url', 'aliased-subpath-import'],
      },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to no file is a typo or a missing dependency: it would fail at run time.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      comment:
        'A cycle between modules makes their load order matter and their owners unclear. The six cycles there were when ' +
        'the check came are gone (issue 13); a new one fails.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    exclude: { path: '^api/src/generated/' },
    doNotFollow: { path: 'node_modules' },
    // `import type` couples folders as much as a value import does.
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    // Follow the workspace symlinks to api/src, and honour its package.json "exports" ("./*": "./src/*").
    preserveSymlinks: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    // The baseline only shrinks: an entry whose violation is gone (fixed by the re-homing) fails the check until it is
    // removed (`pnpm boundaries:baseline`), so the file always lists exactly what is still to fix.
    baseline: { staleEntriesSeverity: 'error' },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
