import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GridLocator } from './grid-locator';
import { OrgConsumer } from './org.consumer';
import { GridView, OrgUnitView } from './org.entities';

@Module({
  imports: [TypeOrmModule.forFeature([GridView, OrgUnitView])],
  providers: [GridLocator, OrgConsumer],
  exports: [GridLocator],
})
export class OrgModule {}
