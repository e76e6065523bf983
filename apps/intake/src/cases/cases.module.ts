import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { DispatchModule } from '../dispatch/dispatch.module';
import { IntakeCoreModule } from '../intake/intake-core.module';
import { OrgModule } from '../org/org.module';
import { ResidentsModule } from '../residents/residents.module';
import { CaseFeedbackService } from './case-feedback.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { MemberFeedback } from './member-feedback';
import { SeparationService } from './separation.service';

@Module({
  imports: [IntakeCoreModule, ResidentsModule, AttachmentsModule, OrgModule, DispatchModule],
  controllers: [CasesController],
  providers: [CasesService, CaseFeedbackService, MemberFeedback, SeparationService],
  exports: [CasesService, CaseFeedbackService],
})
export class CasesModule {}
