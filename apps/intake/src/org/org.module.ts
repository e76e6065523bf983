import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AddressBook } from './address-book';
import { GridLocator } from './grid-locator';
import { OrgConsumer } from './org.consumer';
import { GridView, KnownAddressView, OrgUnitView } from './org.entities';

@Module({
  imports: [TypeOrmModule.forFeature([GridView, OrgUnitView, KnownAddressView])],
  providers: [GridLocator, AddressBook, OrgConsumer],
  exports: [GridLocator, AddressBook],
})
export class OrgModule {}
