import { KafkaProbe, eventually } from '@fq/testing';
import { Kafka, logLevel } from 'kafkajs';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');

/** `npm run dlq:replay` sends dead letters back to their topic with their keys, each once, oldest first. */
describe('dead-letter replay', () => {
  const kafka = new Kafka({ clientId: 'test', brokers: (process.env.KAFKA_BROKERS as string).split(','), logLevel: logLevel.NOTHING });
  const source = `fq.replay-test.${randomUUID().slice(0, 8)}`;
  const dlq = `${source}.dlq`;

  const replay = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/run-ts.js', 'scripts/dlq-replay.ts', '--topic', dlq, ...args], {
      cwd: REPO,
      env: { ...process.env, FENGQIAO_SKIP_INSTALL: '1' },
      encoding: 'utf8',
    });

  it('replays up to --limit, then the rest, then nothing', async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: source, numPartitions: 1 }, { topic: dlq, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    const letters = ['one', 'two', 'three'].map((v) => ({ key: `case-${v}`, value: JSON.stringify({ v }), headers: { 'fq-source-topic': source, 'fq-error': 'handler failed' } }));
    await producer.send({ topic: dlq, messages: letters });
    await producer.disconnect();

    const probe = await new KafkaProbe([source]).start();
    try {
      const first = replay('--limit', '2');
      expect(first.stderr).toBe('');
      expect(first.stdout).toContain(`${dlq}: 2 replayed into ${source}, 1 left`);
      await eventually('two replayed', async () => (probe.messages.length >= 2 ? true : undefined));

      const rest = replay();
      expect(rest.stdout).toContain(`${dlq}: 1 replayed into ${source}, 0 left`);
      // The probe reads at least once (a rebalance may hand it a message again): compare distinct messages.
      const distinct = () => [...new Map(probe.messages.map((m) => [m.value, m])).values()];
      const all = await eventually('three replayed', async () => (distinct().length >= 3 ? distinct() : undefined));
      expect(all.map((m) => [m.key, m.value])).toEqual(letters.map((l) => [l.key, l.value]));
      expect(all[0].headers['fq-replayed-from']).toBe(`${dlq}[0]@0`);

      expect(replay().stdout).toContain(`${dlq}: 0 replayed into ${source}, 0 left`);
      await new Promise((r) => setTimeout(r, 1000));
      expect(distinct()).toHaveLength(3);
    } finally {
      await probe.stop();
    }
  });

  it('refuses a topic that is not a dead-letter topic', () => {
    const res = spawnSync(process.execPath, ['scripts/run-ts.js', 'scripts/dlq-replay.ts', '--topic', source], { cwd: REPO, env: { ...process.env, FENGQIAO_SKIP_INSTALL: '1' }, encoding: 'utf8' });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('is not a dead-letter topic');
  });
});
