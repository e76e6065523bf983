#!/usr/bin/env node
// `npm test`: starts fresh test servers (PostgreSQL, Kafka, Temporal on the test ports), runs Jest
// once, stops the servers and prints the closing line CI reads: `N passed, N failed`.
// Extra arguments go to Jest: npm test -- libs/domain
'use strict';
require('./infra/deps').ensureDeps(); // before anything from node_modules is required

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const infra = require('./infra/index');

const REPO = path.resolve(__dirname, '..');
const RESULTS = path.join(REPO, '.fengqiao', 'test', 'jest-results.json');
let jest = null;
let interrupted = false;

function runJest(env) {
  fs.rmSync(RESULTS, { force: true });
  const args = [
    path.join(REPO, 'node_modules', 'jest', 'bin', 'jest.js'),
    '--runInBand',
    // A suite whose teardown timed out can leave a handle open; Jest would then never exit and
    // CI would wait for its time limit. The results file is written before the forced exit.
    '--forceExit',
    '--json',
    `--outputFile=${RESULTS}`,
    ...process.argv.slice(2),
  ];
  return new Promise((resolve) => {
    jest = spawn(process.execPath, args, { cwd: REPO, env, stdio: 'inherit' });
    jest.on('error', (err) => {
      console.error(`[test] could not run jest: ${err.message}`);
      resolve(1);
    });
    jest.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function summary() {
  try {
    const r = JSON.parse(fs.readFileSync(RESULTS, 'utf8'));
    return { passed: r.numPassedTests, failed: r.numFailedTests + r.numRuntimeErrorTestSuites };
  } catch {
    return { passed: 0, failed: 1 }; // Jest wrote no results: it did not run properly
  }
}

// Ctrl-C also reaches Jest (same process group); SIGTERM we forward. Either way we then
// fall through to the finally block and stop the servers.
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`[test] ${sig}: stopping...`);
    if (jest && jest.exitCode === null) jest.kill(sig);
  });
}

async function main() {
  let jestCode = 1;
  let result = { passed: 0, failed: 1 };
  try {
    await infra.ensure();
    // The browser tests of the console (test/e2e/console) need it built and a Chromium.
    if (process.argv.slice(2).every((a) => a.startsWith('-')) || process.argv.slice(2).some((a) => /e2e|console/.test(a))) {
      require('./console-build').ensureConsoleBuilt();
      require('./infra/browser').ensureBrowser();
    }
    const env = await infra.up('test', { fresh: true });
    if (!interrupted) {
      jestCode = await runJest({ ...process.env, ...env, FQ_TEST_PROFILE: 'test' });
      result = summary();
    }
  } catch (err) {
    console.error(`[test] ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await infra.down('test').catch((err) => console.error(`[test] infra down failed: ${err.message}`));
  }
  console.log(`${result.passed} passed, ${result.failed} failed`);
  process.exit(jestCode === 0 && result.failed === 0 && !interrupted ? 0 : 1);
}

main();
