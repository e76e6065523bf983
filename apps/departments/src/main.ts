import 'reflect-metadata';
import { bootstrapService } from '@fq/http';
import { DepartmentsModule } from './departments.module';

void bootstrapService(DepartmentsModule, 'departments');
