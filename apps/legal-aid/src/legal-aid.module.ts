import { Module } from '@nestjs/common';
import { ServiceModule } from '@fq/platform';
import { legalAidSchema } from './db/legal-aid.schema';

@Module({ imports: [ServiceModule.forRoot({ name: 'legal-aid', port: 3004, schema: legalAidSchema })] })
export class LegalAidModule {}
