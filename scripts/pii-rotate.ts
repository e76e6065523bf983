import 'reflect-metadata';
import { baseEnvSchema, parseEnv } from '@fq/config';
import { DataSource } from 'typeorm';
import { RotationReport, rotatePii } from '../apps/intake/src/residents/pii-rotation';
import { PiiVault } from '../apps/intake/src/residents/pii-vault';

/**
 * `npm run pii:rotate [-- --batch-size N]`: with PII_KEY = the new key and PII_KEY_PREVIOUS = the
 * old key(s), re-seals every phone and ID number and recomputes every index under the new key
 * (ADR 0013). Safe to run again; prints what it did.
 */
async function main(): Promise<void> {
  const at = process.argv.indexOf('--batch-size');
  const batchSize = at > 0 ? Number(process.argv[at + 1]) : 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('usage: npm run pii:rotate [-- --batch-size N]   (N a positive integer)');
  const vault = PiiVault.fromEnv();
  const { DATABASE_URL } = parseEnv(baseEnvSchema);
  const ds = await new DataSource({ type: 'postgres', url: DATABASE_URL }).initialize().catch((e: Error) => {
    throw new Error(`cannot reach PostgreSQL at ${DATABASE_URL} (${e.message})`);
  });
  try {
    console.log(`pii:rotate: sealing with key ${vault.keyId}; previous ${vault.previousKeyIds.join(', ') || 'none'}`);
    const report = await rotatePii(ds, vault, { batchSize, log: (line) => console.log(`  ${line}`) });
    print(report, batchSize);
    if (report.remaining > 0) process.exitCode = 1;
  } finally {
    await ds.destroy();
  }
}

function print(r: RotationReport, batchSize: number): void {
  console.log(`done: ${r.batches} batch(es) of at most ${batchSize} rows, each in its own transaction`);
  for (const [column, c] of Object.entries(r.counts)) {
    console.log(`  ${column.padEnd(36)} re-sealed ${String(c.resealed).padStart(7)}${c.reindexed ? `   index recomputed ${c.reindexed}` : ''}`);
  }
  for (const c of r.conflicts) {
    console.log(`  conflict: ${c.table} ${c.key} has the phone of ${c.otherKey}, already under the new key; merge the two files, then run again`);
  }
  console.log(
    r.remaining === 0
      ? 'every value is sealed with the new key: PII_KEY_PREVIOUS can now be removed from every service'
      : `${r.remaining} row(s) still hold values sealed with a previous key: keep PII_KEY_PREVIOUS and run again`,
  );
}

main().catch((e) => {
  console.error(`pii:rotate failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
