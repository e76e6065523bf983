import { Injectable, OnModuleInit } from '@nestjs/common';
import { Envelope } from './envelope';
import { KafkaClient } from './kafka';
import { OutboxMessage } from './outbox.entity';
import { DeliveryResult, OutboxDispatcher, OutboxRelay } from './relay';

/** Sends outbox events to their topics, keyed, in one batch. */
@Injectable()
export class KafkaDispatcher implements OutboxDispatcher, OnModuleInit {
  readonly destination = 'kafka';

  constructor(
    private readonly kafka: KafkaClient,
    private readonly relay: OutboxRelay,
  ) {}

  onModuleInit(): void {
    this.relay.register(this);
  }

  async deliver(rows: OutboxMessage[]): Promise<DeliveryResult> {
    try {
      const producer = await this.kafka.getProducer();
      const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
      for (const row of rows) {
        const env = row.payload as Envelope;
        const messages = byTopic.get(row.topic) ?? [];
        messages.push({ key: row.key, value: JSON.stringify(env), headers: { 'fq-event-id': env.id, 'fq-event-type': env.type } });
        byTopic.set(row.topic, messages);
      }
      await producer.sendBatch({ topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })), acks: -1 });
      return { delivered: rows.length };
    } catch (error) {
      await this.kafka.resetProducer();
      return { delivered: 0, error };
    }
  }
}
