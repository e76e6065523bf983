import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { IntakeCoreModule } from '../intake/intake-core.module';
import { ResidentsModule } from '../residents/residents.module';
import { CaseAssignedConsumer } from './case-assigned.consumer';
import { CaseFeedbackService } from './case-feedback.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  imports: [IntakeCoreModule, ResidentsModule, AttachmentsModule],
  controllers: [CasesController],
  providers: [CasesService, CaseFeedbackService, CaseAssignedConsumer],
  exports: [CasesService, CaseFeedbackService],
})
export class CasesModule {}
