import 'reflect-metadata';
import { bootstrapService } from '@fq/http';
import { LegalAidModule } from './legal-aid.module';

void bootstrapService(LegalAidModule, 'legal-aid');
