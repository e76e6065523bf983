import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@fq/config';
import { HealthRegistry } from '@fq/http';
import { Client } from 'pg';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';
import { outboxChannel } from './outbox';
import { OutboxMessage } from './outbox.entity';
import { outboxState } from './parked';

/** How far a dispatcher got: the first `delivered` rows went out; `error` stopped the rest. */
export interface DeliveryResult {
  delivered: number;
  error?: unknown;
  /** The error is one retrying cannot fix (bad payload): the row is parked after a few tries, without waiting for proof that the destination is up. */
  permanent?: boolean;
}

export interface OutboxDispatcher {
  readonly destination: string;
  deliver(rows: OutboxMessage[]): Promise<DeliveryResult>;
}

const BATCH = 100;
const PERMANENT_FAILURE_ATTEMPTS = 3;
const MAX_BACKOFF_MS = 10_000;
const RETENTION_MS = 7 * 24 * 3600 * 1000;

/**
 * Delivers the outbox, one lane per destination, in order; a row also waits for every earlier
 * undelivered row of its key, in any lane. A failing destination (Kafka or Temporal away) holds
 * its lane with backoff and retries: delayed, never dropped. A row that still fails after
 * OUTBOX_MAX_ATTEMPTS while the destination takes another key's row is parked (ADR 0021): set
 * aside with its error, holding back only the later rows of its own key, counted in /health and
 * re-driven by `npm run outbox:redrive`.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly dispatchers: OutboxDispatcher[] = [];
  private readonly wakers = new Set<() => void>();
  private readonly logger = new Logger('OutboxRelay');
  private listener?: Client;
  private stopped = false;
  private lanes: Promise<void>[] = [];

  constructor(
    private readonly ds: DataSource,
    private readonly config: AppConfig,
    health: HealthRegistry,
  ) {
    // Parked rows do not make the service unhealthy; they are counted for operators to re-drive.
    health.register('outbox', () => outboxState(this.ds.manager).then((state) => ({ ...state })));
  }

  register(dispatcher: OutboxDispatcher): void {
    this.dispatchers.push(dispatcher);
  }

  onApplicationBootstrap(): void {
    void this.listen();
    this.lanes = this.dispatchers.map((d) => this.runLane(d));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wakers.forEach((wake) => wake());
    await Promise.all(this.lanes);
    await this.listener?.end().catch(() => undefined);
  }

  private async runLane(d: OutboxDispatcher): Promise<void> {
    let failures = 0;
    let lastCleanup = 0;
    while (!this.stopped) {
      let outcome: 'more' | 'idle' | 'failed';
      try {
        outcome = await this.ds.transaction((m) => this.drainOnce(m, d));
        if (Date.now() - lastCleanup > 600_000) {
          await this.ds.getRepository(OutboxMessage).delete({ destination: d.destination, deliveredAt: LessThan(new Date(Date.now() - RETENTION_MS)) });
          lastCleanup = Date.now();
        }
      } catch (e) {
        this.logger.warn(`${d.destination} lane: ${e instanceof Error ? e.message : String(e)}`);
        outcome = 'failed';
      }
      failures = outcome === 'failed' ? failures + 1 : 0;
      if (outcome === 'more') continue;
      const wait = failures ? Math.min(250 * 2 ** failures, MAX_BACKOFF_MS) : this.config.env.OUTBOX_POLL_MS;
      await this.sleep(wait, failures === 0);
    }
  }

  private async drainOnce(m: EntityManager, d: OutboxDispatcher): Promise<'more' | 'idle' | 'failed'> {
    const table = m.connection.getMetadata(OutboxMessage).tablePath;
    const rows = await m
      .createQueryBuilder(OutboxMessage, 'o')
      .where('o.destination = :d AND o.deliveredAt IS NULL AND o.failedAt IS NULL', { d: d.destination })
      // Causal order per key across lanes: a case's workflow starts only once its registration
      // event is out, so whatever the workflow causes is published after it. A parked row holds
      // back the later rows of its key (and only those).
      .andWhere(`NOT EXISTS (SELECT 1 FROM ${table} e WHERE e.key = o.key AND e.seq < o.seq AND e.delivered_at IS NULL)`)
      .orderBy('o.seq', 'ASC')
      .limit(BATCH)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    if (rows.length === 0) return 'idle';
    // A row that failed before goes alone, so its attempts and its error are its own.
    const batch = rows[0].attempts > 0 ? rows.slice(0, 1) : rows;
    const result = await this.deliver(m, d, batch);
    if (result.error === undefined) return batch.length < rows.length || rows.length === BATCH ? 'more' : 'idle';

    const failed = batch[result.delivered];
    const attempts = failed.attempts + 1;
    const message = (result.error instanceof Error ? result.error.message : String(result.error)).slice(0, 2000);
    let park = Boolean(result.permanent) && attempts >= PERMANENT_FAILURE_ATTEMPTS;
    if (!park && attempts >= this.config.env.OUTBOX_MAX_ATTEMPTS) {
      // Parked only if the destination takes another key's row: an outage parks nothing.
      const other = rows.find((r) => r.key !== failed.key);
      park = result.delivered > 0 || (other !== undefined && (await this.deliver(m, d, [other])).delivered === 1);
      // The destination may have come back between the two: one more try before parking.
      if (park && (await this.deliver(m, d, [failed])).delivered === 1) return 'more';
    }
    await m.update(OutboxMessage, { seq: failed.seq }, { attempts, lastError: message, ...(park ? { failedAt: new Date() } : {}) });
    const log = `${d.destination} delivery of outbox row ${failed.id} (key ${failed.key}) failed, attempt ${attempts}: ${message}`;
    if (park) this.logger.error(`${log}; PARKED with the later rows of its key: npm run outbox:redrive -- --service ${this.config.service} --id ${failed.id}`);
    else this.logger.warn(log);
    return park ? 'more' : 'failed';
  }

  private async deliver(m: EntityManager, d: OutboxDispatcher, rows: OutboxMessage[]): Promise<DeliveryResult> {
    const result = await d.deliver(rows);
    const done = rows.slice(0, result.delivered).map((r) => r.seq);
    if (done.length) await m.update(OutboxMessage, { seq: In(done) }, { deliveredAt: new Date() });
    return result;
  }

  private sleep(ms: number, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      if (wakeable || this.stopped) this.wakers.add(wake);
    });
  }

  /** LISTEN for commits that wrote to the outbox; polling stays as the fallback. */
  private async listen(): Promise<void> {
    const schema = (this.ds.options as { schema?: string }).schema ?? 'public';
    while (!this.stopped) {
      const client = new Client({ connectionString: this.config.env.DATABASE_URL });
      try {
        await client.connect();
        client.on('notification', () => this.wakers.forEach((wake) => wake()));
        await client.query(`LISTEN ${outboxChannel(schema)}`);
        this.listener = client;
        await new Promise<void>((resolve) => client.once('error', () => resolve()).once('end', () => resolve()));
      } catch {
        // Postgres away: the lanes report it; try to listen again shortly.
      }
      await client.end().catch(() => undefined);
      if (!this.stopped) await new Promise((r) => setTimeout(r, 2000));
    }
  }
}
