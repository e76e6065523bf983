'use strict';
// Process helpers: detached servers with pid files, port probes, polling and graceful stop.
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function which(cmd, extra = []) {
  const dirs = (process.env.PATH || '').split(path.delimiter).concat(extra);
  for (const dir of dirs) {
    const file = path.join(dir, cmd);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      /* keep looking */
    }
  }
  return null;
}

// Runs a command to completion. `stream` forwards output lines to log (for long builds);
// output is always captured so callers can inspect errors.
/** @param {string} cmd @param {string[]} args @param {{ env?: NodeJS.ProcessEnv, cwd?: string, log?: (line: string) => void, stream?: boolean }} [opts] */
function run(cmd, args, { env, cwd, log, stream = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: env || process.env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (buf) => {
      const text = buf.toString();
      out += text;
      if (out.length > 200000) out = out.slice(-100000);
      if (!stream || !log) return;
      // eslint-disable-next-line no-control-regex
      const lines = text.split('\n').map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trimEnd());
      lines.filter(Boolean).forEach((l) => log(`  ${l}`));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

// Starts a server in its own session (survives this process, no Ctrl-C from our terminal),
// output appended to logFile, pid written to pidFile.
/** @param {string} cmd @param {string[]} args @param {{ env?: NodeJS.ProcessEnv, cwd?: string, logFile: string, pidFile?: string }} opts */
function spawnDetached(cmd, args, { env, cwd, logFile, pidFile }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = fs.openSync(logFile, 'a');
  try {
    const child = spawn(cmd, args, { env: env || process.env, cwd, detached: true, stdio: ['ignore', fd, fd] });
    child.on('error', () => {}); // reported through the health wait (pid dead)
    child.unref();
    if (!child.pid) throw new Error(`could not start ${cmd}`);
    if (pidFile) fs.writeFileSync(pidFile, `${child.pid}\n`);
    return child.pid;
  } finally {
    fs.closeSync(fd);
  }
}

// Alive and not a zombie (a child we started and that died stays a zombie until reaped).
function isAlive(pid) {
  if (!pid) return false;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function cmdline(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

// The pid from a pid file, only if that process is alive and still looks like ours
// (guards against pid reuse after a reboot or a crash).
function ownedPid(pidFile, marker) {
  let pid;
  try {
    pid = parseInt(fs.readFileSync(pidFile, 'utf8').split('\n')[0], 10);
  } catch {
    return null;
  }
  return isAlive(pid) && cmdline(pid).includes(marker) ? pid : null;
}

function portOpen(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    const done = (ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

// Fails with a helpful message if something that is not ours holds the port.
async function assertPortFree(port, what) {
  const free = await new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => resolve(true)));
  });
  if (!free || (await portOpen(port))) {
    throw new Error(
      `port ${port} (needed by ${what}) is already in use by another process; ` +
        `find it with: ss -ltnp | grep :${port}`,
    );
  }
}

function tail(file, lines = 25) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// Polls check() until it returns truthy. Fails early if the server process died, showing the
// end of its log file(s).
/** @param {string} what @param {() => Promise<unknown>} check @param {{ timeoutMs: number, pid?: number | null, logFile?: string | string[], intervalMs?: number }} opts */
async function waitFor(what, check, { timeoutMs, pid, logFile, intervalMs = 300 }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    const dead = pid && !isAlive(pid);
    if (dead || Date.now() > deadline) {
      const why = dead ? 'exited during start-up' : `not healthy after ${Math.round(timeoutMs / 1000)} s`;
      const logs = [].concat(logFile || []).map((f) => `--- ${f} (last lines) ---\n${tail(f)}`);
      throw new Error([`${what} ${why}`, ...logs].join('\n'));
    }
    await sleep(intervalMs);
  }
}

// SIGTERM, wait, then SIGKILL.
async function stopPid(pid, timeoutMs = 20000) {
  if (!isAlive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  if (isAlive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    const killDeadline = Date.now() + 10000;
    while (isAlive(pid) && Date.now() < killDeadline) await sleep(100);
  }
}

module.exports = {
  sleep,
  isRoot,
  which,
  run,
  spawnDetached,
  isAlive,
  ownedPid,
  portOpen,
  assertPortFree,
  tail,
  waitFor,
  stopPid,
};
