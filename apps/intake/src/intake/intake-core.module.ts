import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { DispatchModule } from '../dispatch/dispatch.module';
import { OrgModule } from '../org/org.module';
import { ResidentsModule } from '../residents/residents.module';
import { TriageModule } from '../triage/triage.module';
import { CaseRecorder } from './case-recorder';
import { IntakeService } from './intake.service';
import { MatchFinder } from './match-finder';
import { RepeatLinker } from './repeat-linker';
import { RequestAssessor } from './request-assessor';
import { Triage } from './triage';

/** The one intake every channel ends in: triage, resident file, duplicates and clusters, the case. */
@Module({
  imports: [OrgModule, DispatchModule, ResidentsModule, AttachmentsModule, TriageModule],
  providers: [IntakeService, RequestAssessor, RepeatLinker, CaseRecorder, MatchFinder, Triage],
  exports: [IntakeService, Triage],
})
export class IntakeCoreModule {}
