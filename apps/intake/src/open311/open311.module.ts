import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseRecord } from '../shared/case.entity';
import { IntakeCoreModule } from '../intake/intake-core.module';
import { DispatchModule } from '../dispatch/dispatch.module';
import { Open311Controller } from './open311.controller';
import { Open311KeyGuard } from './open311-key.guard';
import { Open311Config } from './open311.config';
import { Open311Service } from './open311.service';

/** Open311 GeoReport v2 over intake's cases: requests map to intake's request and call its one accept like any channel. */
@Module({
  imports: [TypeOrmModule.forFeature([CaseRecord]), IntakeCoreModule, DispatchModule],
  controllers: [Open311Controller],
  providers: [{ provide: Open311Config, useFactory: () => new Open311Config() }, Open311Service, Open311KeyGuard],
})
export class Open311Module {}
