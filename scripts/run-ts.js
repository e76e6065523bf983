#!/usr/bin/env node
// Runs a TypeScript entry point from source: ts-node (transpiled by swc, no type check at run
// time; `npm run check` type-checks) plus the tsconfig path aliases (@fq/*).
'use strict';
require('./infra/deps').ensureDeps(); // before ts-node is required: a fresh clone installs first

const path = require('node:path');
process.env.TS_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.json');
process.env.TS_NODE_TRANSPILE_ONLY = 'true';
process.env.TS_NODE_SWC = 'true';
require('ts-node/register');
require('tsconfig-paths/register');
const entry = process.argv[2];
if (!entry) {
  console.error('usage: node scripts/run-ts.js <file.ts> [args...]');
  process.exit(2);
}
process.argv.splice(1, 2, path.resolve(entry));
require(path.resolve(entry));
