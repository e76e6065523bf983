import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A message waiting to leave the service: an event for Kafka or a command for Temporal. It is
 * written in the same transaction as the change it announces and delivered by the relay.
 */
@Entity({ name: 'outbox' })
export class OutboxMessage {
  @PrimaryColumn({ type: 'bigint', generated: 'increment' }) seq!: string;
  @Column({ type: 'uuid', unique: true }) id!: string;
  /** 'kafka' or 'temporal': each has its own relay lane. */
  @Column({ type: 'text' }) destination!: string;
  /** Kafka topic, or the workflow type for Temporal. */
  @Column({ type: 'text' }) topic!: string;
  @Column({ type: 'text' }) key!: string;
  @Column({ type: 'jsonb' }) payload!: unknown;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) deliveredAt!: Date | null;
  /** Set when delivery failed for a reason retrying cannot fix; an operator must look. */
  @Column({ type: 'timestamptz', nullable: true }) failedAt!: Date | null;
}

/** Event ids a handler has already applied, committed with the handler's effect. */
@Entity({ name: 'inbox' })
export class InboxMessage {
  @PrimaryColumn({ type: 'uuid' }) eventId!: string;
  @PrimaryColumn({ type: 'text' }) handler!: string;
  @Column({ type: 'text' }) type!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) processedAt!: Date;
}

export const MESSAGING_ENTITIES = [OutboxMessage, InboxMessage];

/** SQL for the outbox and inbox tables, used by each service's first migration. */
export function messagingTablesSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}".outbox (
      seq bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      destination text NOT NULL,
      topic text NOT NULL,
      key text NOT NULL,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      attempts int NOT NULL DEFAULT 0,
      last_error text,
      delivered_at timestamptz,
      failed_at timestamptz
    )`,
    `CREATE INDEX outbox_pending ON "${schema}".outbox (destination, seq) WHERE delivered_at IS NULL AND failed_at IS NULL`,
    `CREATE INDEX outbox_pending_key ON "${schema}".outbox (key, seq) WHERE delivered_at IS NULL AND failed_at IS NULL`,
    `CREATE TABLE "${schema}".inbox (
      event_id uuid NOT NULL,
      handler text NOT NULL,
      type text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (event_id, handler)
    )`,
  ];
}
