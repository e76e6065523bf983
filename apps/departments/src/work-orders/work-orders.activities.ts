import { DomainError } from '@fq/domain';
import { DepartmentsActivities } from '@fq/workflows';
import { ApplicationFailure } from '@temporalio/activity';
import { WorkOrdersService } from './work-orders.service';

/** The departments queue's activities; business errors fail without retry, with their code. */
export function departmentsActivities(orders: WorkOrdersService): DepartmentsActivities {
  return {
    assignCase: (input) => orders.assign(input).catch(rethrowBusiness),
    updateWorkOrder: ({ workOrderId, outcome }) => orders.update(workOrderId, outcome).catch(rethrowBusiness),
  };
}

function rethrowBusiness(e: unknown): never {
  if (e instanceof DomainError) throw ApplicationFailure.nonRetryable(e.message, 'DomainError', { code: e.code });
  throw e;
}
