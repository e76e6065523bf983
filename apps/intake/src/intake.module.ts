import { Module } from '@nestjs/common';
import { ServiceModule } from '@fq/platform';
import { CasesModule } from './cases/cases.module';
import { intakeSchema } from './db/intake.schema';
import { Open311Module } from './open311/open311.module';
import { ProgressModule } from './progress/progress.module';
import { TriageModule } from './triage/triage.module';

@Module({ imports: [ServiceModule.forRoot({ name: 'intake', port: 3001, schema: intakeSchema }), CasesModule, ProgressModule, TriageModule, Open311Module] })
export class IntakeModule {}
