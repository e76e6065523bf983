import { Kafka } from 'kafkajs';

/** The consumer group whose committed offsets say how far each dead-letter topic was replayed. */
export const REPLAY_GROUP = 'fq-dlq-replay';

export interface ReplayResult {
  /** The topic the messages went back to. */
  source: string;
  replayed: number;
  /** Dead letters that were there when the run began and are still not replayed (a --limit). */
  remaining: number;
}

/**
 * Sends the dead letters of `<topic>.dlq` back to `<topic>` (key, value and an `fq-replayed-from`
 * header), oldest first, at most `limit`, and commits how far it got: a second run replays only
 * what came after. It stops at the end the topic had when the run began, so a message that fails
 * again and is dead-lettered anew waits for the next run. Consumers are idempotent (inbox).
 */
export async function replayDeadLetters(kafka: Kafka, opts: { topic: string; limit?: number; timeoutMs?: number }): Promise<ReplayResult> {
  const { topic, limit = Number.POSITIVE_INFINITY, timeoutMs = 120_000 } = opts;
  if (!topic.endsWith('.dlq')) throw new Error(`${topic} is not a dead-letter topic (<topic>.dlq)`);
  const source = topic.slice(0, -'.dlq'.length);
  const admin = kafka.admin();
  await admin.connect();
  const backlog = new Map<number, { next: bigint; end: bigint }>();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId: REPLAY_GROUP, topics: [topic] });
    for (const p of ends) {
      const done = committed?.partitions.find((c) => c.partition === p.partition)?.offset ?? '-1';
      const next = BigInt(done) >= 0n ? BigInt(done) : BigInt(p.low);
      if (next < BigInt(p.high)) backlog.set(p.partition, { next, end: BigInt(p.high) });
    }
  } finally {
    await admin.disconnect();
  }
  const total = [...backlog.values()].reduce((n, p) => n + Number(p.end - p.next), 0);
  if (total === 0 || limit <= 0) return { source, replayed: 0, remaining: total };

  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId: REPLAY_GROUP });
  let replayed = 0;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  await producer.connect();
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const p = backlog.get(partition);
        const offset = BigInt(message.offset);
        if (!p || offset >= p.end || replayed >= limit) return;
        const to = message.headers?.['fq-source-topic']?.toString() || source;
        await producer.send({
          topic: to,
          messages: [{ key: message.key, value: message.value, headers: { 'fq-replayed-from': `${topic}[${partition}]@${message.offset}` } }],
        });
        await consumer.commitOffsets([{ topic, partition, offset: (offset + 1n).toString() }]);
        replayed++;
        p.next = offset + 1n;
        if (replayed >= limit || [...backlog.values()].every((b) => b.next >= b.end)) finish();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`replayed ${replayed} of ${total} within ${timeoutMs / 1000} s; run again to carry on`)), timeoutMs)));
    await Promise.race([finished, timeout]).finally(() => clearTimeout(timer));
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
  }
  return { source, replayed, remaining: total - replayed };
}
