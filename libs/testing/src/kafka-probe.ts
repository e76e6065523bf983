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

  async start(brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')): Promise<this> {
    const kafka = new Kafka({ clientId: 'test-probe', brokers, logLevel: logLevel.NOTHING });
    this.consumer = kafka.consumer({ groupId: `probe-${randomUUID()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        const value = message.value?.toString() ?? '';
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        this.messages.push({ topic, key: message.key?.toString() ?? null, value, headers, json: () => JSON.parse(value) });
      },
    });
    return this;
  }

  matching(predicate: (m: ProbedMessage) => boolean): ProbedMessage[] {
    return this.messages.filter(predicate);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
