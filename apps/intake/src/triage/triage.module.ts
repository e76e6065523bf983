import { Module } from '@nestjs/common';
import { CategoryClassifier } from './classifier';
import { TriageController } from './triage.controller';

/** Category suggestions for intake. The classifier loads jieba's dictionary once, at boot. */
@Module({
  controllers: [TriageController],
  providers: [{ provide: CategoryClassifier, useFactory: () => new CategoryClassifier() }],
  exports: [CategoryClassifier],
})
export class TriageModule {}
