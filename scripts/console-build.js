'use strict';
// Builds the web console (apps/admin/web) into its dist/ when missing or stale: `npm ci` there
// when its node_modules is missing or older than its lock, then `vite build` when any source is
// newer than dist/index.html. Called by `npm start` and `npm test`; built-ins only.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const WEB = path.join(__dirname, '..', 'apps', 'admin', 'web');
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

/** The newest modification time under `p` (a file or a folder). */
function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((max, f) => Math.max(max, newest(path.join(p, f))), st.mtimeMs);
}

function run(args, what) {
  console.log(`[console] ${what}`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const res = spawnSync(args[0] === 'npm' ? npm : args[0], args.slice(1), { cwd: WEB, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`${what} failed (exit ${res.status ?? res.signal})`);
}

const modules = path.join(WEB, 'node_modules');

/** Installs the console's own packages when missing or older than its lock (`npm run check` type-checks it). */
function ensureConsoleDeps() {
  const stamp = mtime(path.join(modules, '.package-lock.json')) || mtime(modules);
  if (!stamp || stamp < Math.max(mtime(path.join(WEB, 'package-lock.json')), mtime(path.join(WEB, 'package.json')))) {
    run(['npm', 'ci', '--no-audit', '--no-fund'], 'installing the console\'s dependencies (npm ci in apps/admin/web)');
    const now = new Date();
    if (fs.existsSync(path.join(modules, '.package-lock.json'))) fs.utimesSync(path.join(modules, '.package-lock.json'), now, now);
  }
}

function ensureConsoleBuilt() {
  ensureConsoleDeps();
  const built = mtime(path.join(WEB, 'dist', 'index.html'));
  if (built && built >= Math.max(...SOURCES.map((s) => newest(path.join(WEB, s))))) return;
  run([process.execPath, path.join(modules, 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], 'building the console (vite build)');
}

module.exports = { ensureConsoleBuilt, ensureConsoleDeps };

if (require.main === module) {
  try {
    ensureConsoleBuilt();
  } catch (e) {
    console.error(`[console] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
