import { KafkaProbe, eventually } from '@fq/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { System, startSystem } from '../support/system';

/** A message a consumer cannot read is set aside on `<topic>.dlq` with its error, not dropped. */
describe('poison messages', () => {
  let sys: System;

  beforeAll(async () => {
    sys = await startSystem();
  });

  afterAll(async () => {
    await sys?.stop();
  });

  const send = async (value: string) => {
    const producer = new Kafka({ clientId: 'test', brokers: (process.env.KAFKA_BROKERS as string).split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({ topic: 'fq.case.v1', messages: [{ key: 'poison', value }] });
    await producer.disconnect();
  };

  it('dead-letters unreadable JSON and an event whose data breaks its schema, with the reason', async () => {
    const probe = await new KafkaProbe(['fq.case.v1.dlq']).start();
    try {
      const marker = randomUUID();
      await send(`not json ${marker}`);
      const badEvent = {
        id: randomUUID(),
        type: 'case.assigned',
        version: 1,
        occurredAt: new Date().toISOString(),
        producer: 'test',
        correlationId: marker,
        causationId: marker,
        data: { caseNumber: 'x', workOrderId: 'not-a-uuid' },
      };
      await send(JSON.stringify(badEvent));
      const dead = await eventually('two dead letters', async () => {
        const mine = probe.matching((m) => m.value.includes(marker));
        return mine.length >= 2 ? mine : undefined;
      });
      expect(dead[0].headers['fq-source-topic']).toBe('fq.case.v1');
      expect(dead[0].headers['fq-error']).toMatch(/JSON/);
      expect(dead[1].headers['fq-error']).toMatch(/workOrderId/);
      // The consumer kept going: nothing about the bad event was applied.
      const [{ n }] = await sys.db.query(`SELECT count(*)::int AS n FROM intake.inbox WHERE event_id = $1`, [badEvent.id]);
      expect(n).toBe(0);
    } finally {
      await probe.stop();
    }
  });
});
