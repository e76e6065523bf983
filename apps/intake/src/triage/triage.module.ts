import { Module } from '@nestjs/common';
import { CategoryClassifier } from './classifier';
import { CorrectionsController } from './corrections.controller';
import { CorrectionsService } from './corrections.service';
import { TriageController } from './triage.controller';

/** Category suggestions for intake, and the corrections people made to triage. The classifier loads jieba's dictionary once, at boot. */
@Module({
  controllers: [TriageController, CorrectionsController],
  providers: [CorrectionsService, { provide: CategoryClassifier, useFactory: () => new CategoryClassifier() }],
  exports: [CategoryClassifier],
})
export class TriageModule {}
