'use strict';
// Installs npm dependencies when node_modules is missing or older than package.json /
// package-lock.json. Built-ins only: it runs before any dependency can be required.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { REPO } = require('./paths');

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

function ensureDeps() {
  if (process.env.FENGQIAO_SKIP_INSTALL) return; // offline work, or someone else is installing
  const modules = path.join(REPO, 'node_modules');
  // npm rewrites node_modules/.package-lock.json on every install: our "installed at" stamp.
  const stamp = path.join(modules, '.package-lock.json');
  const lock = path.join(REPO, 'package-lock.json');
  const installedAt = mtime(stamp) || mtime(modules);
  if (installedAt && installedAt >= Math.max(mtime(lock), mtime(path.join(REPO, 'package.json')))) return;
  // `npm ci` installs exactly what the lock says and never rewrites it, so a fresh clone stays
  // clean (the lock is committed as npm 11 writes it: `npm install` leaves it unchanged too).
  const args = fs.existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  console.log(`[deps] node_modules missing or out of date: npm ${args[0]}`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const res = spawnSync(npm, args, { cwd: REPO, stdio: 'inherit' });
  if (res.status !== 0) {
    console.error(`[deps] npm ${args[0]} failed (exit ${res.status ?? res.signal})`);
    if (args[0] === 'ci') console.error('[deps] if package.json changed without its lock, run `npm install` once and commit package-lock.json');
    process.exit(1);
  }
  // npm may rewrite package-lock.json after its stamp: mark the install as current.
  if (fs.existsSync(stamp)) {
    const now = new Date();
    fs.utimesSync(stamp, now, now);
  }
}

module.exports = { ensureDeps };
