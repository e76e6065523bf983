import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgUnitView } from '../org/org.entities';
import { DispatchConsumer } from './dispatch.consumer';
import { DispatchPlanner } from './dispatch-planner';
import { CategoryView, DispatchCatalogueView } from './dispatch.entities';

/** Triage's dispatch decision (研判分流) over intake's copies of admin's category tree and dispatch catalogue. */
@Module({
  imports: [TypeOrmModule.forFeature([CategoryView, DispatchCatalogueView, OrgUnitView])],
  providers: [DispatchPlanner, DispatchConsumer],
  exports: [DispatchPlanner],
})
export class DispatchModule {}
