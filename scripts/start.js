#!/usr/bin/env node
// `npm start`: installs what is missing, starts PostgreSQL, Kafka and Temporal (dev profile, data
// kept between runs), migrates and seeds, then runs every app with prefixed output until Ctrl-C.
// A crashed app is restarted with a back-off (1 s doubling to 30 s) and the log says so.
// Flag: --no-infra-stop leaves the servers running on exit (faster next start).
'use strict';
require('./infra/deps').ensureDeps(); // before anything from node_modules is required

const http = require('node:http');
const path = require('node:path');
const fs = require('node:fs');
const readline = require('node:readline');
const { spawn } = require('node:child_process');
const infra = require('./infra/index');
const { crashesInARow, restartDelay } = require('./infra/restart');

const REPO = path.resolve(__dirname, '..');
/** @type {[string, number][]} */
const APPS = [
  ['admin', 3000],
  ['intake', 3001],
  ['departments', 3002],
  ['mediation', 3003],
  ['legal-aid', 3004],
  ['worker', 3005],
];
const keepInfra = process.argv.includes('--no-infra-stop');
const log = (msg) => console.log(`[start] ${msg}`);
const children = new Map(); // name -> ChildProcess
let shuttingDown = false;
let upPromise = null;

function runTs(file, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/run-ts.js', file], { cwd: REPO, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${file} failed (${code ?? signal})`))));
  });
}

function prefixLines(stream, name, out) {
  readline.createInterface({ input: stream }).on('line', (line) => out.write(`[${name}] ${line}\n`));
}

const restarts = new Map(); // name -> crashes in a row

function startApp(name, port, env) {
  const startedAt = Date.now();
  const child = spawn(process.execPath, ['scripts/run-ts.js', `apps/${name}/src/main.ts`], {
    cwd: REPO,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  prefixLines(child.stdout, name, process.stdout);
  prefixLines(child.stderr, name, process.stderr);
  child.on('exit', (code, signal) => {
    children.delete(name);
    // Ctrl-C reaches the apps too (same process group): give our handler a moment to flag it.
    setTimeout(() => {
      if (shuttingDown) return;
      const crashes = crashesInARow(restarts.get(name) ?? 0, Date.now() - startedAt);
      restarts.set(name, crashes);
      const delay = restartDelay(crashes);
      log(`!!! ${name} exited unexpectedly (${signal || `code ${code}`}); restarting it in ${delay / 1000} s (crash ${crashes} in a row); the other apps keep running`);
      setTimeout(() => {
        if (shuttingDown || children.has(name)) return;
        log(`restarting ${name}`);
        startApp(name, port, env);
      }, delay);
    }, 300);
  });
  children.set(name, child);
}

// Up = /health answers 200 (all fine) or 503 (running, a dependency is down).
function healthStatus(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/health', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/** 200 when the app and its dependencies are up; 503 if a dependency stays down for 30 s after the
 *  app answers (a worker bundles its workflows for a few seconds after it starts listening). */
async function waitHealthy(name, port) {
  const deadline = Date.now() + 120000;
  let downSince;
  while (Date.now() < deadline && children.has(name)) {
    const status = await healthStatus(port);
    if (status === 200) return status;
    if (status === 503) {
      downSince ??= Date.now();
      if (Date.now() - downSince > 30000) return status;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return downSince ? 503 : null;
}

function printUrls(env, started) {
  const lines = ['', 'Fengqiao is running:', `  Console         http://127.0.0.1:3000/`];
  for (const [name, port] of started) lines.push(`  ${name.padEnd(15)} API docs http://127.0.0.1:${port}/api/docs   health http://127.0.0.1:${port}/health`);
  lines.push(
    `  Temporal UI     ${env.TEMPORAL_UI_URL}`,
    `  Kafka           ${env.KAFKA_BROKERS}`,
    `  Postgres        ${env.DATABASE_URL}`,
    `  Bearer token    npm run token -- dispatcher`,
    `  Infra logs      ${infra.logsDir('dev')}`,
    '',
    'Ctrl-C stops everything.',
    '',
  );
  console.log(lines.join('\n'));
}

async function stopApps() {
  for (const child of children.values()) child.kill('SIGTERM');
  const deadline = Date.now() + 10000;
  while (children.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  for (const [name, child] of children) {
    log(`${name} did not stop in 10 s: SIGKILL`);
    child.kill('SIGKILL');
  }
}

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  log('stopping the apps...');
  await stopApps();
  if (upPromise) await upPromise.catch(() => {}); // never leave a half-started server behind
  if (keepInfra) log('leaving PostgreSQL, Kafka and Temporal running (npm run infra:down stops them)');
  else {
    log('stopping PostgreSQL, Kafka and Temporal...');
    await infra.down('dev').catch((err) => log(`infra down failed: ${err.message}`));
  }
  process.exit(code);
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (shuttingDown) {
      log('second signal: exiting now (npm run infra:down stops the servers)');
      process.exit(130);
    }
    shutdown(0);
  });
}

async function main() {
  await infra.ensure();
  require('./console-build').ensureConsoleBuilt(); // the web console admin serves at /
  upPromise = infra.up('dev');
  const env = { ...process.env, ...(await upPromise) };
  await runTs('scripts/migrate.ts', env);
  await runTs('scripts/seed.ts', env);
  const apps = APPS.filter(([name]) => {
    const ok = fs.existsSync(path.join(REPO, 'apps', name, 'src', 'main.ts'));
    if (!ok) log(`apps/${name}/src/main.ts not found: skipped`);
    return ok;
  });
  if (shuttingDown) return;
  for (const [name, port] of apps) startApp(name, port, env);
  const statuses = await Promise.all(apps.map(([name, port]) => waitHealthy(name, port)));
  if (shuttingDown) return;
  apps.forEach(([name, port], i) => {
    if (statuses[i] === 503) log(`${name} is up but reports a dependency down: http://127.0.0.1:${port}/health`);
    if (statuses[i] === null) log(`!!! ${name} did not answer http://127.0.0.1:${port}/health within 120 s`);
  });
  printUrls(env, apps);
}

main().catch((err) => {
  if (!shuttingDown) console.error(`[start] ${err.message}`);
  shutdown(1);
});
