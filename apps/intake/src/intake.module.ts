import { Module } from '@nestjs/common';
import { ServiceModule } from '@fq/platform';
import { AttentionModule } from './attention/attention.module';
import { CasesModule } from './cases/cases.module';
import { ChannelsModule } from './channels/channels.module';
import { PublicModule } from './public/public.module';
import { intakeSchema } from './db/intake.schema';
import { Open311Module } from './open311/open311.module';
import { ProgressModule } from './progress/progress.module';
import { TriageModule } from './triage/triage.module';

@Module({ imports: [ServiceModule.forRoot({ name: 'intake', port: 3001, schema: intakeSchema }), CasesModule, AttentionModule, ChannelsModule, PublicModule, ProgressModule, TriageModule, Open311Module] })
export class IntakeModule {}
