import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@fq/config';
import { HealthRegistry } from '@fq/http';
import { Admin, Kafka, Producer, logLevel } from 'kafkajs';
import { EVENTS } from './catalog';
import { dlqTopic } from './topics';

/** One Kafka client per service; the producer connects lazily and reconnects after a failure. */
@Injectable()
export class KafkaClient implements OnModuleInit, OnApplicationShutdown {
  readonly kafka: Kafka;
  private producer?: Producer;
  private admin?: Admin;
  private topicsReady = false;
  private readonly logger = new Logger('Kafka');

  constructor(
    readonly config: AppConfig,
    private readonly health: HealthRegistry,
  ) {
    this.kafka = new Kafka({
      clientId: `fengqiao-${config.service}`,
      brokers: config.env.KAFKA_BROKERS,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 3000,
      requestTimeout: 10000,
      retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 2000 },
    });
  }

  onModuleInit(): void {
    this.health.register('kafka', async () => {
      this.admin ??= this.kafka.admin();
      await this.admin.connect();
      await this.admin.describeCluster();
    });
  }

  /** The connected producer; throws while Kafka is away (callers retry). */
  async getProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      await producer.connect();
      this.producer = producer;
    }
    await this.ensureTopics();
    return this.producer;
  }

  /** Drops the producer after a failure so the next attempt starts from a fresh connection. */
  async resetProducer(): Promise<void> {
    const p = this.producer;
    this.producer = undefined;
    await p?.disconnect().catch(() => undefined);
  }

  /** Creates every catalogued topic and its dead-letter topic (idempotent). */
  async ensureTopics(): Promise<void> {
    if (this.topicsReady) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const topics = [...new Set(Object.values(EVENTS).map((e) => e.topic))];
      const all = [...topics, ...topics.map(dlqTopic), dlqTopic('fq.intake.external.v1'), 'fq.intake.external.v1'];
      await admin.createTopics({ topics: [...new Set(all)].map((topic) => ({ topic, numPartitions: 3 })), waitForLeaders: true });
      this.topicsReady = true;
    } finally {
      await admin.disconnect();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.resetProducer();
    await this.admin?.disconnect().catch(() => undefined);
    this.logger.debug('disconnected');
  }
}
