import { rethrowForActivity } from '@fq/temporal';
import { DepartmentsActivities } from '@fq/workflows';
import { WorkOrdersService } from './work-orders.service';

/** The departments queue's activities; business errors fail without retry, with their code. */
export function departmentsActivities(orders: WorkOrdersService): DepartmentsActivities {
  return {
    assignCase: (input) => orders.assign(input).catch(rethrowForActivity),
    updateWorkOrder: ({ workOrderId, outcome }) => orders.update(workOrderId, outcome).catch(rethrowForActivity),
  };
}
