import { SchemaDefinition } from '@fq/db';
import { MESSAGING_ENTITIES } from '@fq/events';
import { WorkOrder } from '../work-orders/work-order.entity';
import { DepartmentsInit1763900000000 } from './migrations/1763900000000-departments-init';
import { WorkOrderRounds1763900001000 } from './migrations/1763900001000-work-order-rounds';
import { WorkOrderDeadlines1763900002000 } from './migrations/1763900002000-work-order-deadlines';
import { OutboxParking1764800000000 } from './migrations/1764800000000-outbox-parking';

export const departmentsSchema: SchemaDefinition = {
  schema: 'departments',
  entities: [WorkOrder, ...MESSAGING_ENTITIES],
  migrations: [DepartmentsInit1763900000000, WorkOrderRounds1763900001000, WorkOrderDeadlines1763900002000, OutboxParking1764800000000],
};
