import { Module } from '@nestjs/common';
import { AppConfig } from '@fq/config';
import { HealthRegistry } from '@fq/http';
import { WorkerHost } from '@fq/temporal';
import { IntakeActivities, TASK_QUEUES } from '@fq/workflows';
import { DispatchModule } from '../dispatch/dispatch.module';
import { OrgModule } from '../org/org.module';
import { ResidentsModule } from '../residents/residents.module';
import { CaseAssignedConsumer } from './case-assigned.consumer';
import { ClusterSuccession } from './cluster-succession';
import { ProgressService } from './progress.service';

/** Intake's activity worker (the case workflow reports each step here) and the work orders departments announce. */
@Module({
  imports: [OrgModule, DispatchModule, ResidentsModule],
  providers: [
    ProgressService,
    ClusterSuccession,
    CaseAssignedConsumer,
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
