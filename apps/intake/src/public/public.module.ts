import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ResidentsModule } from '../residents/residents.module';
import { PublicCaseController } from './public-case.controller';
import { PublicCaseService } from './public-case.service';

/** What residents reach without an account: their case by number and query code, and its rating. */
@Module({ imports: [CasesModule, ResidentsModule], controllers: [PublicCaseController], providers: [PublicCaseService] })
export class PublicModule {}
