import 'reflect-metadata';
import { bootstrapService } from '@fq/http';
import { AdminModule } from './admin.module';

void bootstrapService(AdminModule, 'admin');
