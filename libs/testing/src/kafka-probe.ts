import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, logLevel } from 'kafkajs';

export interface ProbedMessage {
  topic: string;
  key: string | null;
  value: string;
  headers: Record<string, string>;
  json(): Record<string, unknown>;
}

/** Reads topics from the beginning with its own consumer group and keeps what arrives. */
export class KafkaProbe {
  readonly messages: ProbedMessage[] = [];
  private consumer?: Consumer;

  constructor(private readonly topics: string[]) {}

  /**
   * Joins with a new group. Right after a broker restart the group coordinator can take a while
   * to come up, so each attempt is bounded and retried until `timeoutMs`.
   */
  async start(brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), timeoutMs = 90_000): Promise<this> {
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 1; ; attempt++) {
      const kafka = new Kafka({ clientId: 'test-probe', brokers, logLevel: logLevel.NOTHING });
      const consumer = kafka.consumer({ groupId: `probe-${randomUUID()}` });
      try {
        await withTimeout(this.join(consumer), 20_000);
        this.consumer = consumer;
        return this;
      } catch (e) {
        await consumer.disconnect().catch(() => undefined);
        if (Date.now() > deadline) throw new Error(`Kafka probe could not join after ${attempt} attempts: ${(e as Error).message}`);
      }
    }
  }

  private async join(consumer: Consumer): Promise<void> {
    await consumer.connect();
    await consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        const value = message.value?.toString() ?? '';
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        this.messages.push({ topic, key: message.key?.toString() ?? null, value, headers, json: () => JSON.parse(value) });
      },
    });
  }

  matching(predicate: (m: ProbedMessage) => boolean): ProbedMessage[] {
    return this.messages.filter(predicate);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}
