#!/usr/bin/env node
// `npm run check`: the gate CI runs before the tests (.ci/run). Lint (TypeScript with types,
// plain JavaScript too), the type check (tsconfig.json, and tsconfig.scripts.json for the
// JavaScript in scripts/ and the root configs; the console's own tsconfig), and the dependency rules (.dependency-cruiser.js:
// cycles, apps importing apps, libs importing apps, impure workflows and domain). Every step runs;
// the exit status is non-zero if any failed, and the last line names them.
'use strict';
require('./infra/deps').ensureDeps(); // eslint, tsc and depcruise come from node_modules
require('./console-build').ensureConsoleDeps(); // the console is type-checked against its own packages

const path = require('node:path');
const { spawnSync } = require('node:child_process');

const REPO = path.resolve(__dirname, '..');
const bin = (pkg, file) => path.join(REPO, 'node_modules', pkg, file);
/** @type {[string, string, string[]][]} */
const STEPS = [
  ['lint', bin('eslint', 'bin/eslint.js'), ['.']],
  ['typecheck', bin('typescript', 'bin/tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['typecheck scripts', bin('typescript', 'bin/tsc'), ['-p', 'tsconfig.scripts.json']],
  ['typecheck console', bin('typescript', 'bin/tsc'), ['-p', 'apps/admin/web/tsconfig.json', '--noEmit']],
  [
    'dependency rules',
    bin('dependency-cruiser', 'bin/dependency-cruise.mjs'),
    ['apps', 'libs', 'workflows', 'scripts', 'test', 'deploy', '--config', '.dependency-cruiser.js', '--output-type', 'err'],
  ],
];

const failed = [];
for (const [name, script, args] of STEPS) {
  const started = Date.now();
  const res = spawnSync(process.execPath, [script, ...args], { cwd: REPO, stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const ok = res.status === 0;
  console.log(`[check] ${name}: ${ok ? 'ok' : `FAILED (exit ${res.status ?? res.signal})`} in ${secs} s`);
  if (!ok) failed.push(name);
}
console.log(failed.length ? `[check] failed: ${failed.join(', ')}` : '[check] all passed');
process.exit(failed.length ? 1 : 0);
