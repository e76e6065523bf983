import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@fq/config';
import { HealthRegistry } from '@fq/http';
import { Client, Connection } from '@temporalio/client';

/**
 * The service's Temporal client. The connection is lazy, so a service boots and accepts work
 * while Temporal is away; the outbox relay retries until it answers.
 */
@Injectable()
export class TemporalClient implements OnModuleInit, OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;

  constructor(
    config: AppConfig,
    private readonly health: HealthRegistry,
  ) {
    this.connection = Connection.lazy({ address: config.env.TEMPORAL_ADDRESS, connectTimeout: 3000 });
    this.client = new Client({ connection: this.connection, namespace: config.env.TEMPORAL_NAMESPACE });
  }

  onModuleInit(): void {
    this.health.register('temporal', async () => {
      await this.connection.workflowService.getSystemInfo({});
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close().catch(() => undefined);
  }
}
