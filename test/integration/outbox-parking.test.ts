import { KafkaProbe, RunningApp, eventually, startApp } from '@fq/testing';
import { Kafka, logLevel } from 'kafkajs';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { migrateAll } from '../../scripts/migrate-all';

const REPO = join(__dirname, '..', '..');
type Health = { dependencies: Record<string, { status: string; details?: Record<string, unknown> }> };

/**
 * An outbox row Kafka refuses (too large for its topic) while the topic takes other rows is
 * parked after its retries, holds back only the later rows of its key, shows in /health, and
 * goes out, in its key's order, once the cause is fixed and the row re-driven (ADR 0021).
 */
describe('parked outbox rows', () => {
  let app: RunningApp;
  let db: DataSource;
  const kafka = new Kafka({ clientId: 'test', brokers: (process.env.KAFKA_BROKERS as string).split(','), logLevel: logLevel.NOTHING });
  const topic = `fq.parking-test.${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    const url = process.env.DATABASE_URL as string;
    await migrateAll(url, () => undefined);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
    process.env.OUTBOX_MAX_ATTEMPTS = '3'; // read when the module is loaded: import it after
    const { MediationModule } = await import('../../apps/mediation/src/mediation.module');
    app = await startApp(MediationModule);
    db = await new DataSource({ type: 'postgres', url }).initialize();
  });

  afterAll(async () => {
    delete process.env.OUTBOX_MAX_ATTEMPTS;
    await app?.close();
    await db?.destroy();
  });

  const row = (key: string, note: string) => ({ id: randomUUID(), key, payload: { id: randomUUID(), type: 'test.parking', note } });

  it('parks the row, lets other keys through, counts it in /health and delivers it in order once re-driven', async () => {
    const probe = await new KafkaProbe([topic]).start();
    try {
      const big = row('key-1', 'x'.repeat(1_200_000)); // over the broker's 1 MB default
      const after = row('key-1', 'after the big one');
      const other = row('key-2', 'another key');
      for (const r of [big, after, other]) {
        await db.query(`INSERT INTO mediation.outbox (id, destination, topic, key, payload) VALUES ($1, 'kafka', $2, $3, $4)`, [r.id, topic, r.key, JSON.stringify(r.payload)]);
      }
      await db.query(`SELECT pg_notify('fq_outbox_mediation', '')`);

      await eventually('the other key delivered', async () => (probe.matching((m) => m.key === 'key-2').length ? true : undefined));
      const [parked] = await eventually('the big row parked', async () => {
        const rows = await db.query(`SELECT attempts, last_error, failed_at, delivered_at FROM mediation.outbox WHERE id = $1 AND failed_at IS NOT NULL`, [big.id]);
        return rows.length ? rows : undefined;
      });
      expect(parked.attempts).toBe(3);
      expect(parked.delivered_at).toBeNull();
      expect(parked.last_error).toMatch(/large|size/i);
      const [held] = await db.query(`SELECT failed_at, delivered_at FROM mediation.outbox WHERE id = $1`, [after.id]);
      expect(held).toEqual({ failed_at: null, delivered_at: null });
      expect(probe.matching((m) => m.key === 'key-1')).toHaveLength(0);

      // Under load a /health round may time out (2 s): ask until the outbox answers.
      const outbox = async () => ((await (await fetch(`${app.url}/health`)).json()) as Health).dependencies.outbox;
      const health = await eventually('/health to count the outbox', async () => ((await outbox()).status === 'up' ? outbox() : undefined));
      expect(health.status).toBe('up');
      expect(health.details).toMatchObject({ parked: 1, held: 1 });

      // The operator fixes the cause (the topic takes larger messages), then re-drives the row.
      const admin = kafka.admin();
      await admin.connect();
      await admin.alterConfigs({ validateOnly: false, resources: [{ type: 2, name: topic, configEntries: [{ name: 'max.message.bytes', value: '4000000' }] }] });
      await admin.disconnect();
      const run = spawnSync(process.execPath, ['scripts/run-ts.js', 'scripts/outbox-redrive.ts', '--service', 'mediation', '--id', big.id], {
        cwd: REPO,
        env: { ...process.env, FENGQIAO_SKIP_INSTALL: '1' },
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/mediation: 1 row\(s\) re-driven/);

      const key1 = await eventually('key-1 delivered', async () => {
        const mine = probe.matching((m) => m.key === 'key-1');
        return mine.length >= 2 ? mine : undefined;
      });
      expect(key1.map((m) => m.json().id)).toEqual([big.payload.id, after.payload.id]);
      const again = await eventually('/health to count the outbox', async () => ((await outbox()).status === 'up' ? outbox() : undefined));
      expect(again.details).toMatchObject({ parked: 0, held: 0 });
    } finally {
      await probe.stop();
    }
  });
});
