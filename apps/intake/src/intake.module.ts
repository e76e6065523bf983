import { Module } from '@nestjs/common';
import { ServiceModule } from '@fq/platform';
import { CasesModule } from './cases/cases.module';
import { intakeSchema } from './db/intake.schema';

@Module({ imports: [ServiceModule.forRoot({ name: 'intake', port: 3001, schema: intakeSchema }), CasesModule] })
export class IntakeModule {}
