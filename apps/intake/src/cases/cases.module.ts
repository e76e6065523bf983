import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module';
import { CaseAssignedConsumer } from './case-assigned.consumer';
import { CaseFeedbackService } from './case-feedback.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({ imports: [OrgModule], controllers: [CasesController], providers: [CasesService, CaseFeedbackService, CaseAssignedConsumer], exports: [CasesService] })
export class CasesModule {}
