import { Injectable, OnModuleInit } from '@nestjs/common';
import { OutboxDispatcher, OutboxMessage, OutboxRelay, DeliveryResult } from '@fq/events';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { SearchAttributeInput, toSearchAttributePairs } from './search-attributes';
import { TemporalClient } from './temporal-client';

const CONCURRENT_STARTS = 16;

/** What the outbox stores to start a workflow (destination 'temporal', topic = workflow type). */
export interface StartWorkflowCommand {
  workflowId: string;
  taskQueue: string;
  args: unknown[];
  searchAttributes: SearchAttributeInput;
  /** REJECT_DUPLICATE: a start redelivered after the workflow finished starts no new run (it counts as delivered). */
  workflowIdReusePolicy?: 'ALLOW_DUPLICATE' | 'REJECT_DUPLICATE';
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

  /**
   * Starts the batch's workflows concurrently (each row is a different case), and reports the
   * longest prefix that succeeded: rows after a failure are retried, and a workflow already
   * started by the retry's predecessor answers "already started", which counts as delivered.
   */
  async deliver(rows: OutboxMessage[]): Promise<DeliveryResult> {
    const outcomes: (unknown | null)[] = new Array(rows.length).fill(null);
    let next = 0;
    const startOne = async () => {
      while (next < rows.length) {
        const i = next++;
        outcomes[i] = await this.start(rows[i]).then(() => null, (e: unknown) => e ?? new Error('start failed'));
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENT_STARTS, rows.length) }, startOne));
    const firstFailure = outcomes.findIndex((o) => o !== null);
    return firstFailure === -1 ? { delivered: rows.length } : { delivered: firstFailure, error: outcomes[firstFailure] };
  }

  private async start(row: OutboxMessage): Promise<void> {
    const cmd = row.payload as StartWorkflowCommand;
    try {
      await this.temporal.client.workflow.start(row.topic, {
        workflowId: cmd.workflowId,
        taskQueue: cmd.taskQueue,
        args: cmd.args,
        typedSearchAttributes: toSearchAttributePairs(cmd.searchAttributes),
        ...(cmd.workflowIdReusePolicy ? { workflowIdReusePolicy: cmd.workflowIdReusePolicy } : {}),
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}
