import 'reflect-metadata';
import { bootstrapService } from '@fq/http';
import { MediationModule } from './mediation.module';

void bootstrapService(MediationModule, 'mediation');
