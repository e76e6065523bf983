import { Provider } from '@nestjs/common';
import { AppConfig } from '@fq/config';
import { HealthRegistry } from '@fq/http';
import { WorkerHost } from '@fq/temporal';
import { TASK_QUEUES } from '@fq/workflows';
import { CalendarService } from '../calendar/calendar.service';
import { SlaService } from '../sla/sla.service';
import { adminActivities } from './ladder.activities';

/** Admin's activity worker on the `admin` task queue: case workflows ask it for their SLA policy. */
export const adminWorker: Provider = {
  provide: WorkerHost,
  inject: [AppConfig, HealthRegistry, SlaService, CalendarService],
  useFactory: (config: AppConfig, health: HealthRegistry, sla: SlaService, calendar: CalendarService) =>
    new WorkerHost(config, { taskQueue: TASK_QUEUES.admin, activities: adminActivities(sla, calendar) }, health),
};
