'use strict';
// Temporal dev server (`temporal server start-dev`): real server, SQLite persistence and Web UI in
// one Go binary. The SQLite file lives in the profile's data dir so workflows survive restarts.
const fs = require('node:fs');
const path = require('node:path');
const paths = require('./paths');
const { run, spawnDetached, ownedPid, assertPortFree, waitFor, stopPid, portOpen } = require('./proc');

const NAME = 'temporal';
const MARKER = 'start-dev';
const url = (profile) => `127.0.0.1:${paths.PORTS[profile].temporal}`;
const uiUrl = (profile) => `http://127.0.0.1:${paths.PORTS[profile].temporalUi}`;
const pidFile = (profile) => paths.profileDirs(profile).pid(NAME);
const pid = (profile) => ownedPid(pidFile(profile), MARKER);

const searchAttributes = () => JSON.parse(fs.readFileSync(paths.searchAttributesFile, 'utf8'));

function searchAttributeArgs() {
  return Object.entries(searchAttributes()).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]);
}

// `--search-attribute` only applies when the SQLite file is created: attributes added to the JSON
// later are registered here on an existing file.
async function syncSearchAttributes(profile, log) {
  const address = ['--address', url(profile)];
  const temporal = paths.temporalPath();
  const list = await run(temporal, ['operator', 'search-attribute', 'list', ...address, '-o', 'json']);
  if (list.code !== 0) throw new Error(`temporal: listing search attributes failed: ${list.out}`);
  const existing = JSON.parse(list.out).customAttributes || {};
  const missing = Object.entries(searchAttributes()).filter(([name]) => !existing[name]);
  if (!missing.length) return;
  log(`temporal: registering search attributes ${missing.map(([n]) => n).join(', ')}`);
  const pairs = missing.flatMap(([name, type]) => ['--name', name, '--type', type]);
  const res = await run(temporal, ['operator', 'search-attribute', 'create', ...address, ...pairs]);
  if (res.code !== 0) throw new Error(`temporal: creating search attributes failed: ${res.out}`);
}

// Healthy = the frontend answers the gRPC health check and the UI port accepts connections.
async function health(profile) {
  const { temporal, temporalUi } = paths.PORTS[profile];
  if (!(await portOpen(temporal))) return false;
  const res = await run(paths.temporalPath(), [
    'operator', 'cluster', 'health', '--address', url(profile), '--command-timeout', '3s',
  ]);
  return res.code === 0 && /SERVING/.test(res.out) && (await portOpen(temporalUi));
}

async function start(profile, { log }) {
  const dirs = paths.profileDirs(profile);
  const { temporal: port, temporalUi: uiPort } = paths.PORTS[profile];
  let p = pid(profile);
  if (!p) {
    await assertPortFree(port, 'Temporal');
    await assertPortFree(uiPort, 'the Temporal Web UI');
    fs.mkdirSync(dirs.temporal, { recursive: true });
    p = spawnDetached(
      paths.temporalPath(),
      [
        'server', MARKER,
        '--ip', '127.0.0.1',
        '--port', String(port),
        '--ui-port', String(uiPort),
        '--db-filename', path.join(dirs.temporal, 'temporal.sqlite'),
        '--sqlite-pragma', 'journal_mode=WAL',
        '--namespace', 'default',
        '--dynamic-config-value', 'frontend.enableServerVersionCheck=false',
        '--log-level', 'warn',
        ...searchAttributeArgs(),
      ],
      { cwd: dirs.temporal, logFile: dirs.log(NAME), pidFile: pidFile(profile) },
    );
  }
  await waitFor('temporal', () => health(profile), { timeoutMs: 60000, pid: p, logFile: dirs.log(NAME), intervalMs: 300 });
  await syncSearchAttributes(profile, log);
}

async function stop(profile) {
  const p = pid(profile);
  if (p) await stopPid(p, 20000);
}

module.exports = { NAME, url, uiUrl, pid, health, start, stop };
