import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@fq/config';
import { HealthRegistry } from '@fq/http';
import { caseWorkflowId } from '@fq/domain';
import { Client, Connection, WorkflowHandle } from '@temporalio/client';
import { callWorkflow } from './workflow-calls';

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

  /** Calls a case's workflow; an unknown or finished case is CASE_NOT_FOUND, a refused Update keeps its code. */
  onCase<T>(caseNumber: string, call: (handle: WorkflowHandle) => Promise<T>): Promise<T> {
    const handle = this.client.workflow.getHandle(caseWorkflowId(caseNumber));
    return callWorkflow({ notFoundCode: 'CASE_NOT_FOUND', notFoundMessage: `No case ${caseNumber} is being handled.` }, () => call(handle));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close().catch(() => undefined);
  }
}
