'use strict';
// Local infrastructure for Fengqiao: PostgreSQL, Kafka and the Temporal dev server as detached
// local processes (no Docker on these machines). Used by scripts/start.js, scripts/test.js,
// scripts/infra.js and by tests that stop and restart a server.
const fs = require('node:fs');
const paths = require('./paths');
const { ensure } = require('./install');
const { waitFor } = require('./proc');
const postgres = require('./postgres');
const kafka = require('./kafka');
const temporal = require('./temporal');

const COMPONENTS = { postgres, kafka, temporal };
const STOP_ORDER = ['temporal', 'kafka', 'postgres']; // clients of Postgres first
const defaultLog = (msg) => console.log(`[infra] ${msg}`);

function component(name) {
  const c = COMPONENTS[name];
  if (!c) throw new Error(`unknown component "${name}" (postgres, kafka or temporal)`);
  return c;
}

function env(profile) {
  return {
    DATABASE_URL: postgres.url(profile),
    KAFKA_BROKERS: kafka.url(profile),
    TEMPORAL_ADDRESS: temporal.url(profile),
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_UI_URL: temporal.uiUrl(profile),
  };
}

async function startComponent(profile, name, { log = defaultLog } = {}) {
  const started = Date.now();
  if (name === 'postgres' && postgres.externalUrl()) {
    // Someone else's database: only check that it answers.
    await waitFor('DATABASE_URL', () => postgres.health(profile), { timeoutMs: 15000 }).catch(() => {
      throw new Error(`DATABASE_URL is set (${postgres.externalUrl()}) but does not answer SELECT 1 within 15 s`);
    });
    log('postgres: using the external DATABASE_URL');
    return;
  }
  const wasRunning = Boolean(component(name).pid(profile));
  await component(name).start(profile, { log });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  log(`${name}: ${wasRunning ? 'already running' : `started in ${secs} s`} (${name === 'postgres' ? postgres.url(profile) : component(name).url(profile)})`);
}

async function stopComponent(profile, name) {
  if (name === 'postgres' && postgres.externalUrl()) throw new Error('postgres comes from an external DATABASE_URL: not ours to stop');
  await component(name).stop(profile);
}

// Starts what is not running yet (in parallel) and waits until all three are healthy.
async function up(profile, { fresh = false, log = defaultLog } = {}) {
  const dirs = paths.profileDirs(profile);
  await ensure({ log });
  if (fresh) {
    await down(profile);
    fs.rmSync(dirs.root, { recursive: true, force: true });
    if (!postgres.externalUrl()) postgres.remove(profile); // its data may live outside the checkout (ADR 0020)
  }
  fs.mkdirSync(dirs.logs, { recursive: true });
  const results = await Promise.allSettled(Object.keys(COMPONENTS).map((n) => startComponent(profile, n, { log })));
  const failed = results.filter((r) => r.status === 'rejected').map((r) => r.reason.message);
  if (failed.length) throw new Error(`${failed.join('\n\n')}\n\nall infra logs: ${dirs.logs}`);
  return env(profile);
}

async function down(profile) {
  for (const name of STOP_ORDER) {
    if (name === 'postgres' && postgres.externalUrl()) continue;
    await component(name).stop(profile);
  }
}

async function status(profile) {
  const out = {};
  for (const [name, c] of Object.entries(COMPONENTS)) {
    const external = name === 'postgres' && Boolean(postgres.externalUrl());
    const pid = external ? null : c.pid(profile);
    const healthy = (pid || external) && (await c.health(profile).catch(() => false));
    out[name] = { running: Boolean(healthy), pid, url: c.url(profile) };
    if (external) out[name].external = true;
  }
  out.temporal.ui = temporal.uiUrl(profile);
  return out;
}

module.exports = {
  ensure,
  up,
  down,
  status,
  env,
  startComponent,
  stopComponent,
  testServerPath: paths.testServerPath,
  temporalPath: paths.temporalPath,
  logsDir: (profile) => paths.profileDirs(profile).logs,
};
