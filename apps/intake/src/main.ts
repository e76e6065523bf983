import 'reflect-metadata';
import { bootstrapService } from '@fq/http';
import { IntakeModule } from './intake.module';

void bootstrapService(IntakeModule, 'intake');
