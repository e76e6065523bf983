import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DomainError } from '@fq/domain';
import { Consumer, EachMessagePayload } from 'kafkajs';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { ZodError } from 'zod';
import { EVENTS, EventData, EventType, isEventType } from './catalog';
import { Envelope, envelopeSchema } from './envelope';
import { KafkaClient } from './kafka';
import { InboxMessage } from './outbox.entity';
import { Undeliverable, deadLetter } from './dead-letter';

/** Applies an event inside the inbox transaction; may return work to do once that commits (e.g. drop a cache). */
export type EventHandler<T extends EventType> = (event: Envelope<EventData<T>>, manager: EntityManager) => Promise<void | AfterCommit>;
type AfterCommit = () => void;
/** Applies a raw message of a topic outside the catalogue; must be idempotent. */
export type RawHandler = (raw: string) => Promise<void>;

interface Registration {
  name: string;
  handle: (event: Envelope, manager: EntityManager) => Promise<void | AfterCommit>;
}

const ATTEMPTS_BEFORE_DLQ = 3;
/**
 * How long an inbox row is kept: longer than a topic keeps its messages (7 days), so an event
 * Kafka can still deliver again (a group replaying from the beginning) is still recognised.
 */
export const INBOX_RETENTION_MS = 8 * 24 * 3600 * 1000;
const PRUNE_EVERY_MS = 3600 * 1000;

/**
 * The service's consumer group. Each handler runs once per event id (inbox row in the same
 * transaction as its effect). A message that cannot be read or handled goes to `<topic>.dlq`
 * with its error; an unreachable database is retried instead, so nothing is dropped.
 */
@Injectable()
export class EventConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly handlers = new Map<EventType, Registration[]>();
  private readonly rawHandlers = new Map<string, { name: string; handle: RawHandler }>();
  private readonly logger = new Logger('EventConsumer');
  private consumer?: Consumer;
  private stopped = false;
  private pruning?: NodeJS.Timeout;

  constructor(
    private readonly kafka: KafkaClient,
    private readonly ds: DataSource,
  ) {}

  /** Registers `handle` for `type`; `name` identifies it in the inbox (stable across releases). */
  on<T extends EventType>(type: T, name: string, handle: EventHandler<T>): void {
    const list = this.handlers.get(type) ?? [];
    list.push({ name, handle: handle as Registration['handle'] });
    this.handlers.set(type, list);
  }

  /**
   * Handles a topic whose messages are not our envelopes (other systems post to
   * fq.intake.external.v1): `handle` parses and applies the raw value, and is itself idempotent. A
   * DomainError or ZodError sends the message to the dead-letter topic with its error.
   */
  onRaw(topic: string, name: string, handle: RawHandler): void {
    this.rawHandlers.set(topic, { name, handle });
  }

  onApplicationBootstrap(): void {
    if (!this.handlers.size && !this.rawHandlers.size) return;
    void this.start();
    this.pruning = setInterval(() => void this.pruneInbox().catch((e: Error) => this.logger.warn(`inbox not pruned: ${e.message}`)), PRUNE_EVERY_MS);
    this.pruning.unref();
  }

  /** Deletes inbox rows older than the retention (hourly); answers how many went. */
  async pruneInbox(now: Date = new Date()): Promise<number> {
    const { affected } = await this.ds.getRepository(InboxMessage).delete({ processedAt: LessThan(new Date(now.getTime() - INBOX_RETENTION_MS)) });
    return affected ?? 0;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.pruning) clearInterval(this.pruning);
    await this.consumer?.disconnect().catch(() => undefined);
  }

  private async start(): Promise<void> {
    const topics = [...new Set([...[...this.handlers.keys()].map((t) => EVENTS[t].topic), ...this.rawHandlers.keys()])];
    for (let attempt = 1; !this.stopped; attempt++) {
      const consumer = this.kafka.kafka.consumer({ groupId: `fq-${this.kafka.config.service}`, retry: { retries: 10, maxRetryTime: 5000 } });
      try {
        await this.kafka.ensureTopics();
        await consumer.connect();
        await consumer.subscribe({ topics, fromBeginning: true });
        this.consumer = consumer;
        // kafkajs restarts itself after most crashes; when it gives up (restart: false, e.g. the
        // broker was away longer than its retries), build a new consumer rather than go silent.
        consumer.on(consumer.events.CRASH, ({ payload }) => {
          if (payload.restart || this.stopped) return;
          this.logger.warn(`consumer crashed (${payload.error?.message}); starting a new one`);
          void consumer.disconnect().catch(() => undefined).then(() => this.start());
        });
        await consumer.run({ eachMessage: (p) => this.handleMessage(p) });
        this.logger.log(`consuming ${topics.join(', ')}`);
        return;
      } catch (e) {
        await consumer.disconnect().catch(() => undefined);
        if (attempt === 1 || attempt % 10 === 0) this.logger.warn(`Kafka not reachable yet (${(e as Error).message}); retrying`);
        await new Promise((r) => setTimeout(r, Math.min(1000 * attempt, 5000)));
      }
    }
  }

  private async handleMessage({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const raw = message.value?.toString() ?? '';
    const rawHandler = this.rawHandlers.get(topic);
    if (rawHandler) return this.handleRaw(rawHandler, { topic, partition, offset: message.offset, raw, key: message.key });
    let event: Envelope;
    try {
      event = envelopeSchema.parse(JSON.parse(raw)) as Envelope;
    } catch (e) {
      return this.deadLetter({ topic, partition, offset: message.offset, key: message.key, raw, error: e });
    }
    if (!isEventType(event.type)) return;
    const registrations = this.handlers.get(event.type) ?? [];
    if (!registrations.length) return;
    const parsed = EVENTS[event.type].schema.safeParse(event.data);
    if (!parsed.success) return this.deadLetter({ topic, partition, offset: message.offset, key: message.key, raw, error: parsed.error });
    const typed = { ...event, data: parsed.data };
    for (const r of registrations) {
      for (let attempt = 1; ; attempt++) {
        try {
          await this.applyOnce(r, typed);
          break;
        } catch (e) {
          if (isInfrastructure(e)) throw e; // kafkajs retries the message; nothing is skipped
          if (e instanceof DomainError || e instanceof ZodError || attempt >= ATTEMPTS_BEFORE_DLQ) {
            return this.deadLetter({ topic, partition, offset: message.offset, key: message.key, raw, error: e, handler: r.name });
          }
          await new Promise((res) => setTimeout(res, 200 * attempt));
        }
      }
    }
  }

  private async handleRaw(r: { name: string; handle: RawHandler }, m: { topic: string; partition: number; offset: string; raw: string; key: Buffer | null }): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await r.handle(m.raw);
      } catch (e) {
        if (isInfrastructure(e)) throw e;
        if (e instanceof DomainError || e instanceof ZodError || e instanceof SyntaxError || attempt >= ATTEMPTS_BEFORE_DLQ) {
          return this.deadLetter({ ...m, error: e, handler: r.name });
        }
        await new Promise((res) => setTimeout(res, 200 * attempt));
      }
    }
  }

  private async applyOnce(r: Registration, event: Envelope): Promise<void> {
    const afterCommit = await this.ds.transaction(async (m) => {
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(InboxMessage)
        .values({ eventId: event.id, handler: r.name, type: event.type })
        .orIgnore()
        .returning(['eventId'])
        .execute();
      if (inserted.raw.length === 0) return; // already applied
      return r.handle(event, m);
    });
    afterCommit?.();
  }

  private deadLetter(u: Undeliverable): Promise<void> {
    return deadLetter(this.kafka, this.logger, u);
  }
}

/** Errors that say a dependency is away rather than that the message is bad. */
export function isInfrastructure(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } };
  const code = err?.driverError?.code ?? err?.code ?? '';
  return /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|57P0|08)/.test(code) || /Connection terminated|connect ECONNREFUSED/.test(String((e as Error)?.message));
}
