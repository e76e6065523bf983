import { Module } from '@nestjs/common';
import { AppConfig } from '@fq/config';
import { HealthRegistry } from '@fq/http';
import { WorkerHost } from '@fq/temporal';
import { IntakeActivities, TASK_QUEUES } from '@fq/workflows';
import { ProgressService } from './progress.service';

/** Intake's activity worker: the case workflow reports each step here. */
@Module({
  providers: [
    ProgressService,
    {
      provide: WorkerHost,
      inject: [AppConfig, HealthRegistry, ProgressService],
      useFactory: (config: AppConfig, health: HealthRegistry, progress: ProgressService) => {
        const activities: IntakeActivities = { recordProgress: (p) => progress.record(p) };
        return new WorkerHost(config, { taskQueue: TASK_QUEUES.intake, activities }, health);
      },
    },
  ],
})
export class ProgressModule {}
