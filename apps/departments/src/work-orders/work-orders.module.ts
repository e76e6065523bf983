import { Module } from '@nestjs/common';
import { AppConfig } from '@fq/config';
import { HealthRegistry } from '@fq/http';
import { WorkerHost } from '@fq/temporal';
import { TASK_QUEUES } from '@fq/workflows';
import { departmentsActivities } from './work-orders.activities';
import { WorkOrdersController } from './work-orders.controller';
import { WorkOrdersService } from './work-orders.service';

@Module({
  controllers: [WorkOrdersController],
  providers: [
    WorkOrdersService,
    {
      provide: WorkerHost,
      inject: [AppConfig, HealthRegistry, WorkOrdersService],
      useFactory: (config: AppConfig, health: HealthRegistry, orders: WorkOrdersService) =>
        new WorkerHost(config, { taskQueue: TASK_QUEUES.departments, activities: departmentsActivities(orders) }, health),
    },
  ],
})
export class WorkOrdersModule {}
