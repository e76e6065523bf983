import { DomainError } from '@fq/domain';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';

/**
 * Runs a call on a workflow and turns Temporal's failures into domain errors: a refused Update
 * keeps its stable code (the validator's failure type), an unknown workflow is the caller's 404,
 * an unreachable cluster is a 503 the caller can retry.
 */
export async function callWorkflow<T>(what: { notFoundCode: string; notFoundMessage: string }, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure) {
      throw new DomainError('conflict', e.cause.type ?? 'ACTION_REFUSED', e.cause.message);
    }
    if (e instanceof WorkflowNotFoundError || (e as { name?: string })?.name === 'WorkflowNotFoundError') {
      throw new DomainError('not_found', what.notFoundCode, what.notFoundMessage);
    }
    if (isUnavailable(e)) throw new DomainError('unavailable', 'WORKFLOWS_UNAVAILABLE', 'The workflow service is not reachable right now; try again in a moment.');
    throw e;
  }
}

function isUnavailable(e: unknown): boolean {
  const code = (e as { code?: number })?.code;
  return code === 14 || code === 4 || /UNAVAILABLE|DEADLINE_EXCEEDED|Connection refused/i.test(String((e as Error)?.message));
}
