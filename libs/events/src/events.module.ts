import { Global, Module } from '@nestjs/common';
import { EventConsumer } from './consumer';
import { KafkaClient } from './kafka';
import { KafkaDispatcher } from './kafka.dispatcher';
import { OutboxRelay } from './relay';

/** Kafka for a service: the client, the outbox relay with its Kafka lane, the consumer group. */
@Global()
@Module({
  providers: [KafkaClient, OutboxRelay, KafkaDispatcher, EventConsumer],
  exports: [KafkaClient, OutboxRelay, EventConsumer],
})
export class EventsModule {}
