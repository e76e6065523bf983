import { DataSource, EntityManager } from 'typeorm';
import { PiiKeyError, PiiVault, SEALED_VALUE } from './pii-vault';

/** A text column holding one sealed value; `index` is the keyed hash kept beside it. */
interface SealedColumn {
  column: string;
  index?: { column: string; kind: 'phone' | 'id'; unique: boolean };
}

/** Every sealed value in intake's schema (ADR 0011): phone and ID numbers, and any sealed string inside a case's details. */
const TABLES: { table: string; key: string; keyType: 'uuid' | 'text'; columns: SealedColumn[]; json: string[] }[] = [
  {
    table: 'intake.residents',
    key: 'id',
    keyType: 'uuid',
    columns: [
      { column: 'phone_sealed', index: { column: 'phone_index', kind: 'phone', unique: true } },
      { column: 'id_number_sealed', index: { column: 'id_number_index', kind: 'id', unique: false } },
    ],
    json: [],
  },
  { table: 'intake.cases', key: 'number', keyType: 'text', columns: [{ column: 'requester_phone_sealed' }, { column: 'requester_id_sealed' }], json: ['details'] },
];

export interface RotationReport {
  keyId: string;
  previousKeyIds: string[];
  /** Values opened before anything changed. */
  sampled: number;
  batches: number;
  /** Per `table.column`: values re-sealed (for a JSON column, values inside it) and, beside a sealed column, indexes recomputed. */
  counts: Record<string, { resealed: number; reindexed: number }>;
  /** Files whose phone already has a file under the new key (a duplicate to merge by hand): left under the old key. */
  conflicts: { table: string; key: string; column: string; otherKey: string }[];
  /** Values still sealed with a previous key after the run (the conflicts, or rows written meanwhile by a service without the new key). */
  remaining: number;
}

const SAMPLE = 20;

/**
 * Re-seals every sealed value with the vault's current key and recomputes every index under it,
 * in batches of `batchSize` rows, each in its own transaction. Rows already under the current key
 * are skipped, so a run that stopped half-way is simply run again. Refuses without a previous key
 * and checks that a sample opens before changing anything.
 */
export async function rotatePii(ds: DataSource, vault: PiiVault, opts: { batchSize?: number; log?: (line: string) => void } = {}): Promise<RotationReport> {
  if (vault.previousKeyIds.length === 0) {
    throw new PiiKeyError('PII_KEY_PREVIOUS is empty: set PII_KEY to the new key and PII_KEY_PREVIOUS to the key(s) the data is sealed with now');
  }
  const batchSize = opts.batchSize ?? 500;
  const report: RotationReport = { keyId: vault.keyId, previousKeyIds: vault.previousKeyIds, sampled: await checkSample(ds, vault), batches: 0, counts: {}, conflicts: [], remaining: 0 };
  opts.log?.(report.sampled ? `sample: ${report.sampled} values not yet under the new key open with the keys given` : 'sample: no value left under a previous key');
  for (const t of TABLES) {
    for (const c of [...t.columns.map((s) => s.column), ...t.json]) report.counts[`${t.table}.${c}`] = { resealed: 0, reindexed: 0 };
    let after: string | null = null;
    for (;;) {
      const last: string | null = await ds.transaction((m) => rotateBatch(m, vault, t, after, batchSize, report));
      if (last === null) break;
      after = last;
      report.batches += 1;
      opts.log?.(`${t.table}: batch ${report.batches} done, up to ${t.key} ${last}`);
    }
  }
  for (const t of TABLES) {
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM ${t.table} WHERE ${stale(t, vault)}`);
    report.remaining += n;
  }
  return report;
}

/** Rotates the next batch of rows after `after`; the last key it handled, or null when none was left. */
async function rotateBatch(m: EntityManager, vault: PiiVault, t: (typeof TABLES)[number], after: string | null, size: number, report: RotationReport): Promise<string | null> {
  const all = [...t.columns.map((c) => c.column), ...t.json];
  const rows: Record<string, unknown>[] = await m.query(
    `SELECT ${t.key}::text AS key, ${all.join(', ')} FROM ${t.table}
      WHERE ($1::${t.keyType} IS NULL OR ${t.key} > $1::${t.keyType}) AND (${stale(t, vault)}) ORDER BY ${t.key} LIMIT $2 FOR UPDATE`,
    [after, size],
  );
  for (const row of rows) {
    const set: Record<string, unknown> = {};
    for (const c of t.columns) {
      const sealed = row[c.column];
      if (typeof sealed !== 'string' || vault.isCurrent(sealed)) continue;
      const plain = openOrSay(vault, sealed, t.table, c.column, row.key);
      if (c.index) {
        const index = vault.index(c.index.kind, plain);
        if (c.index.unique) {
          const [other] = await m.query(`SELECT ${t.key}::text AS key FROM ${t.table} WHERE ${c.index.column} = $1 AND ${t.key} <> $2::${t.keyType}`, [index, row.key]);
          if (other) {
            report.conflicts.push({ table: t.table, key: String(row.key), column: c.column, otherKey: other.key });
            continue;
          }
        }
        set[c.index.column] = index;
        report.counts[`${t.table}.${c.column}`].reindexed += 1;
      }
      set[c.column] = vault.seal(plain);
      report.counts[`${t.table}.${c.column}`].resealed += 1;
    }
    for (const j of t.json) {
      const counter = { n: 0 };
      const value = resealJson(row[j], vault, counter, (s) => openOrSay(vault, s, t.table, j, row.key));
      if (counter.n === 0) continue;
      set[j] = JSON.stringify(value);
      report.counts[`${t.table}.${j}`].resealed += counter.n;
    }
    const cols = Object.keys(set);
    if (cols.length === 0) continue;
    const assignments = cols.map((c, i) => `${c} = $${i + 2}${t.json.includes(c) ? '::jsonb' : ''}`).join(', ');
    await m.query(`UPDATE ${t.table} SET ${assignments} WHERE ${t.key} = $1::${t.keyType}`, [row.key, ...cols.map((c) => set[c])]);
  }
  return rows.length === 0 ? null : String(rows[rows.length - 1].key);
}

/** Opens up to SAMPLE values per column that the rotation would touch; the first that does not open stops everything. */
async function checkSample(ds: DataSource, vault: PiiVault): Promise<number> {
  let opened = 0;
  for (const t of TABLES) {
    for (const c of t.columns) {
      const rows: { key: string; v: string }[] = await ds.query(`SELECT ${t.key}::text AS key, ${c.column} AS v FROM ${t.table} WHERE ${c.column} NOT LIKE ${likeCurrent(vault)} LIMIT ${SAMPLE}`);
      for (const r of rows) openOrSay(vault, r.v, t.table, c.column, r.key, 'nothing was changed');
      opened += rows.length;
    }
    for (const j of t.json) {
      const rows: { key: string; v: unknown }[] = await ds.query(`SELECT ${t.key}::text AS key, ${j} AS v FROM ${t.table} WHERE ${j}::text ~ ${jsonStale(vault)} LIMIT ${SAMPLE}`);
      for (const r of rows) {
        const counter = { n: 0 };
        resealJson(r.v, vault, counter, (s) => openOrSay(vault, s, t.table, j, r.key, 'nothing was changed'));
        opened += counter.n;
      }
    }
  }
  return opened;
}

function openOrSay(vault: PiiVault, sealed: string, table: string, column: string, key: unknown, after = 'rows before it were rotated; run again once the keys are right'): string {
  try {
    return vault.open(sealed);
  } catch (e) {
    throw new PiiKeyError(`cannot open ${table}.${column} of ${String(key)}: ${(e as Error).message}; ${after}`);
  }
}

/** A copy of `value` with every sealed string not under the current key sealed again. */
function resealJson(value: unknown, vault: PiiVault, counter: { n: number }, open: (s: string) => string): unknown {
  if (typeof value === 'string') {
    if (!SEALED_VALUE.test(value) || vault.isCurrent(value)) return value;
    counter.n += 1;
    return vault.seal(open(value));
  }
  if (Array.isArray(value)) return value.map((v) => resealJson(v, vault, counter, open));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resealJson(v, vault, counter, open)]));
  return value;
}

/** A row with any value not sealed with the current key. */
const stale = (t: (typeof TABLES)[number], vault: PiiVault) =>
  [...t.columns.map((c) => `${c.column} NOT LIKE ${likeCurrent(vault)}`), ...t.json.map((j) => `${j}::text ~ ${jsonStale(vault)}`)].join(' OR ');

/** SQL literals, safe to inline: a key id is 8 hex characters by construction (checked here anyway). */
function keyId(vault: PiiVault): string {
  if (!/^[0-9a-f]{8}$/.test(vault.keyId)) throw new PiiKeyError(`unexpected key id ${vault.keyId}`);
  return vault.keyId;
}
const likeCurrent = (vault: PiiVault) => `'v2.${keyId(vault)}.%'`;
/** A sealed string inside JSON text that is not under the current key (a pre-filter; resealJson decides). */
const jsonStale = (vault: PiiVault) => `'"v(1|2\\.(?!${keyId(vault)})[0-9a-f]{8})\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]{22}\\.'`;
