import 'reflect-metadata';
import { bootstrapService } from '@fq/http';
import { WorkerModule } from './worker.module';

void bootstrapService(WorkerModule, 'worker');
