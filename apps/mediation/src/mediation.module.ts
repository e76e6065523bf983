import { Module } from '@nestjs/common';
import { ServiceModule } from '@fq/platform';
import { mediationSchema } from './db/mediation.schema';

@Module({ imports: [ServiceModule.forRoot({ name: 'mediation', port: 3003, schema: mediationSchema })] })
export class MediationModule {}
