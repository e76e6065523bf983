import { EntityManager } from 'typeorm';
import { outboxChannel } from './outbox';
import { OutboxMessage } from './outbox.entity';

/**
 * Parked outbox rows (ADR 0021): a row its lane could not deliver after its retries, while the
 * destination took other rows, is set aside with its error (`failed_at`, `last_error`,
 * `attempts`). It holds back the later rows of its own key only, so one key's order is kept and
 * the other keys flow. An operator looks at `/health` and re-drives it (`npm run outbox:redrive`).
 */
export interface OutboxState {
  /** Waiting for their lane. */
  pending: number;
  /** Set aside after their retries. */
  parked: number;
  /** Waiting behind a parked row of their key. */
  held: number;
  oldestParkedAt: string | null;
}

const table = (m: EntityManager) => m.connection.getMetadata(OutboxMessage).tablePath;

export async function outboxState(m: EntityManager): Promise<OutboxState> {
  const t = table(m);
  const [row] = await m.query(`SELECT
      (SELECT count(*) FROM ${t} WHERE delivered_at IS NULL AND failed_at IS NULL)::int AS pending,
      (SELECT count(*) FROM ${t} WHERE delivered_at IS NULL AND failed_at IS NOT NULL)::int AS parked,
      (SELECT count(*) FROM ${t} o WHERE o.delivered_at IS NULL AND o.failed_at IS NULL AND EXISTS
        (SELECT 1 FROM ${t} p WHERE p.key = o.key AND p.seq < o.seq AND p.delivered_at IS NULL AND p.failed_at IS NOT NULL))::int AS held,
      (SELECT min(failed_at) FROM ${t} WHERE delivered_at IS NULL AND failed_at IS NOT NULL) AS "oldestParkedAt"`);
  return { ...row, oldestParkedAt: row.oldestParkedAt ? new Date(row.oldestParkedAt).toISOString() : null };
}

export interface ParkedRow {
  id: string;
  destination: string;
  topic: string;
  key: string;
  lastError: string | null;
}

/** Puts parked rows (all, or those with the given ids) back in their lane with fresh attempts; wakes the relay. */
export async function redriveParked(m: EntityManager, ids: string[] = []): Promise<ParkedRow[]> {
  const qb = m
    .createQueryBuilder()
    .update(OutboxMessage)
    .set({ failedAt: null, attempts: 0 })
    .where('delivered_at IS NULL AND failed_at IS NOT NULL');
  if (ids.length) qb.andWhere('id IN (:...ids)', { ids });
  const res = await qb.returning(['id', 'destination', 'topic', 'key', 'last_error']).execute();
  const schema = (m.connection.options as { schema?: string }).schema ?? 'public';
  await m.query(`SELECT pg_notify($1, '')`, [outboxChannel(schema)]);
  return (res.raw as Record<string, unknown>[]).map((r) => ({
    id: String(r.id),
    destination: String(r.destination),
    topic: String(r.topic),
    key: String(r.key),
    lastError: (r.last_error as string | null) ?? null,
  }));
}

/** A later row waits for every earlier undelivered row of its key, parked or not: the index for that wait. */
export function outboxParkingSql(schema: string): string[] {
  return [
    `DROP INDEX IF EXISTS "${schema}".outbox_pending_key`,
    `CREATE INDEX outbox_undelivered_key ON "${schema}".outbox (key, seq) WHERE delivered_at IS NULL`,
    `CREATE INDEX outbox_parked ON "${schema}".outbox (seq) WHERE delivered_at IS NULL AND failed_at IS NOT NULL`,
  ];
}

export function outboxParkingDownSql(schema: string): string[] {
  return [
    `DROP INDEX IF EXISTS "${schema}".outbox_parked`,
    `DROP INDEX IF EXISTS "${schema}".outbox_undelivered_key`,
    `CREATE INDEX outbox_pending_key ON "${schema}".outbox (key, seq) WHERE delivered_at IS NULL AND failed_at IS NULL`,
  ];
}

/** The parked rows, oldest first (for `npm run outbox:redrive -- --list`). */
export function listParked(m: EntityManager): Promise<OutboxMessage[]> {
  return m.createQueryBuilder(OutboxMessage, 'o').where('o.deliveredAt IS NULL AND o.failedAt IS NOT NULL').orderBy('o.seq', 'ASC').getMany();
}
