import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EVENTS, EventData, EventType } from './catalog';
import { Envelope, EventContext, envelope } from './envelope';
import { OutboxMessage } from './outbox.entity';

export const outboxChannel = (schema: string) => `fq_outbox_${schema}`;

export interface OutboxCommand {
  destination: string;
  topic: string;
  key: string;
  payload: unknown;
  /** Id for idempotent delivery; a fresh uuid if absent. */
  id?: string;
}

/** Writes a message to the outbox of the manager's schema, inside the caller's transaction. */
export async function enqueue(manager: EntityManager, cmd: OutboxCommand): Promise<void> {
  await manager.insert(OutboxMessage, {
    id: cmd.id ?? randomUUID(),
    destination: cmd.destination,
    topic: cmd.topic,
    key: cmd.key,
    payload: cmd.payload as object,
  });
  // Delivered on commit: wakes the relay at once instead of at its next poll.
  const schema = (manager.connection.options as { schema?: string }).schema ?? 'public';
  await manager.query(`SELECT pg_notify($1, '')`, [outboxChannel(schema)]);
}

/**
 * Publishes a catalogued event through the outbox (same transaction as the change it announces).
 * The key is the case number when there is one, so a case's events stay in order.
 */
export async function publishEvent<T extends EventType>(
  manager: EntityManager,
  type: T,
  data: EventData<T>,
  ctx: EventContext,
  opts: { caseNumber?: string; key?: string } = {},
): Promise<Envelope<EventData<T>>> {
  const def = EVENTS[type];
  const parsed = def.schema.parse(data) as EventData<T>;
  const env = envelope(type, def.version, parsed, ctx, opts.caseNumber);
  const key = opts.caseNumber ?? opts.key;
  if (!key) throw new Error(`event ${type} needs a case number or a key`);
  await enqueue(manager, { destination: 'kafka', topic: def.topic, key, payload: env, id: env.id });
  return env;
}
