import 'reflect-metadata';
import { baseEnvSchema, parseEnv } from '@fq/config';
import { dataSourceOptions } from '@fq/db';
import { listParked, outboxState, redriveParked } from '@fq/events';
import { DataSource } from 'typeorm';
import { ALL_SCHEMAS } from './schemas';

const USAGE = 'usage: npm run outbox:redrive -- --service <admin|intake|departments|mediation|legal-aid> [--id <row id>]... [--list]';

/** The value after each `--name` in the arguments. */
const values = (args: string[], name: string) => args.flatMap((a, i) => (a === name && args[i + 1] ? args[i + 1].split(',') : []));

/**
 * `npm run outbox:redrive -- --service intake [--id ...] [--list]`: puts a service's parked outbox
 * rows (ADR 0021) back in their lane with fresh attempts; `--list` only shows them. Fix the cause
 * first (the row's last error says it), or the row is parked again after its retries.
 */
async function main(args: string[]): Promise<void> {
  const [service] = values(args, '--service');
  const def = ALL_SCHEMAS.find((s) => s.schema === service?.replace('-', '_'));
  if (!def) throw new Error(`${service ? `unknown service "${service}"\n` : ''}${USAGE}`);
  const { DATABASE_URL } = parseEnv(baseEnvSchema);
  const ds = await new DataSource(dataSourceOptions(def, DATABASE_URL)).initialize().catch((e: Error) => {
    throw new Error(`cannot reach PostgreSQL at ${DATABASE_URL} (${e.message})`);
  });
  try {
    if (args.includes('--list')) {
      const rows = await listParked(ds.manager);
      for (const r of rows) console.log(`${r.id}  ${r.destination}/${r.topic}  key ${r.key}  ${r.attempts} attempts, parked ${r.failedAt?.toISOString()}: ${r.lastError}`);
      console.log(`${service}: ${rows.length} parked row(s)`);
      return;
    }
    const ids = values(args, '--id');
    const rows = await redriveParked(ds.manager, ids);
    for (const r of rows) console.log(`re-driven ${r.id}  ${r.destination}/${r.topic}  key ${r.key}  (last error: ${r.lastError})`);
    const missing = ids.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length) console.log(`not parked (unknown, or delivered already): ${missing.join(', ')}`);
    const state = await outboxState(ds.manager);
    console.log(`${service}: ${rows.length} row(s) re-driven; now ${state.pending} pending, ${state.parked} parked, ${state.held} held behind a parked row`);
    if (missing.length) process.exitCode = 1;
  } finally {
    await ds.destroy();
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`outbox:redrive: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
