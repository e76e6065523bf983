import { Module } from '@nestjs/common';
import { AppConfig } from '@fq/config';
import { CoreModule, HealthRegistry } from '@fq/http';
import { WorkerHost, workflowBundle } from '@fq/temporal';
import { TASK_QUEUES } from '@fq/workflows';

/** Runs the workflows (caseWorkflow and its children) on the `cases` task queue. */
@Module({
  imports: [CoreModule.forService('worker', 3005)],
  providers: [
    {
      provide: WorkerHost,
      inject: [AppConfig, HealthRegistry],
      useFactory: (config: AppConfig, health: HealthRegistry) => new WorkerHost(config, { taskQueue: TASK_QUEUES.cases, ...workflowBundle() }, health),
    },
  ],
})
export class WorkerModule {}
