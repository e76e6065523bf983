import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseRecord } from '../cases/case.entity';
import { CasesModule } from '../cases/cases.module';
import { DispatchModule } from '../dispatch/dispatch.module';
import { Open311Controller } from './open311.controller';
import { Open311Config, Open311Service } from './open311.service';

/** Open311 GeoReport v2 over intake's cases: requests register through CasesService like any channel. */
@Module({
  imports: [TypeOrmModule.forFeature([CaseRecord]), CasesModule, DispatchModule],
  controllers: [Open311Controller],
  providers: [{ provide: Open311Config, useFactory: () => new Open311Config() }, Open311Service],
})
export class Open311Module {}
