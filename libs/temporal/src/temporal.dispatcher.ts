import { Injectable, OnModuleInit } from '@nestjs/common';
import { OutboxDispatcher, OutboxMessage, OutboxRelay, DeliveryResult } from '@fq/events';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { SearchAttributeInput, toSearchAttributePairs } from './search-attributes';
import { TemporalClient } from './temporal-client';

/** What the outbox stores to start a workflow (destination 'temporal', topic = workflow type). */
export interface StartWorkflowCommand {
  workflowId: string;
  taskQueue: string;
  args: unknown[];
  searchAttributes: SearchAttributeInput;
}

/** Starts workflows from the outbox. The workflow id is the business id, so a repeat is a no-op. */
@Injectable()
export class TemporalDispatcher implements OutboxDispatcher, OnModuleInit {
  readonly destination = 'temporal';

  constructor(
    private readonly temporal: TemporalClient,
    private readonly relay: OutboxRelay,
  ) {}

  onModuleInit(): void {
    this.relay.register(this);
  }

  async deliver(rows: OutboxMessage[]): Promise<DeliveryResult> {
    for (const [i, row] of rows.entries()) {
      const cmd = row.payload as StartWorkflowCommand;
      try {
        await this.temporal.client.workflow.start(row.topic, {
          workflowId: cmd.workflowId,
          taskQueue: cmd.taskQueue,
          args: cmd.args,
          typedSearchAttributes: toSearchAttributePairs(cmd.searchAttributes),
        });
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError) continue;
        return { delivered: i, error };
      }
    }
    return { delivered: rows.length };
  }
}
