// The boundaries the design relies on, checked on the resolved dependency graph: every import
// form counts (import, export ... from, require, import(), @fq/* aliases, apps/... paths).
// Run by `npm run check` (scripts/check.js). There are no known violations: every rule holds.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Folders import one way: a cycle means two things that cannot be read apart.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-cross-app',
      severity: 'error',
      comment: 'An app never imports another app: ask by event or API instead.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-libs-into-apps',
      severity: 'error',
      comment: 'Libraries serve the apps; they never reach into one.',
      from: { path: '^(libs|workflows)/' },
      to: { path: '^apps/' },
    },
    {
      name: 'deterministic-workflows',
      severity: 'error',
      comment: 'Workflow code is replayed: values only from @temporalio/workflow, libs/domain and workflows/ (types from anywhere).',
      from: { path: '^workflows/', pathNot: ['\\.spec\\.ts$', '^workflows/testing/'] },
      to: {
        pathNot: ['^workflows/', '^libs/domain/', '^node_modules/@temporalio/workflow/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'pure-domain',
      severity: 'error',
      comment: 'libs/domain is pure: no I/O, no frameworks, no other packages (types aside).',
      from: { path: '^libs/domain/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: '^libs/domain/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing is a typo or a missing package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage|\\.fengqiao|apps/admin/web)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'] },
    skipAnalysisNotInRules: true,
  },
};
