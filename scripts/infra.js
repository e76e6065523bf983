#!/usr/bin/env node
// node scripts/infra.js up|down|status|ensure [dev|test|scratch|bench] [--fresh]
// Starts/stops the local PostgreSQL, Kafka and Temporal servers (see scripts/infra/).
// require('scripts/infra') resolves to this file before the directory, so when required (not
// run) it re-exports the module API of scripts/infra/index.js.
'use strict';
const infra = require('./infra/index');

async function main() {
  require('./infra/deps').ensureDeps(); // status and up talk to Postgres through the pg package
  const args = process.argv.slice(2);
  const [cmd, profile = 'dev'] = args.filter((a) => !a.startsWith('--'));
  if (!['up', 'down', 'status', 'ensure'].includes(cmd) || !['dev', 'test', 'scratch', 'bench'].includes(profile)) {
    console.error('usage: node scripts/infra.js up|down|status|ensure [dev|test|scratch|bench] [--fresh]');
    process.exit(2);
  }
  if (cmd === 'ensure') return infra.ensure();
  if (cmd === 'down') {
    await infra.down(profile);
    return console.log(`[infra] ${profile}: stopped`);
  }
  if (cmd === 'up') {
    const env = await infra.up(profile, { fresh: args.includes('--fresh') });
    console.log(`[infra] ${profile}: up (logs in ${infra.logsDir(profile)})`);
    for (const [k, v] of Object.entries(env)) console.log(`${k}=${v}`);
    return;
  }
  const st = await infra.status(profile);
  for (const [name, s] of Object.entries(st)) {
    console.log(`${name.padEnd(9)} ${s.running ? 'running' : 'stopped'}  pid=${s.pid ?? '-'}  ${s.url}${s.ui ? `  ui=${s.ui}` : ''}`);
  }
  if (!Object.values(st).every((s) => s.running)) process.exitCode = 3;
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`[infra] ${err.message}`);
    process.exit(1);
  });
} else {
  module.exports = infra;
}
