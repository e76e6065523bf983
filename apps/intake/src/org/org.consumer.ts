import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@fq/events';
import { AddressBook } from './address-book';
import { GridLocator } from './grid-locator';
import { GridView, KnownAddressView, OrgUnitView } from './org.entities';

/** Keeps intake's copy of the org tree, grid boundaries and address book current from admin's events. */
@Injectable()
export class OrgConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly locator: GridLocator,
    private readonly addresses: AddressBook,
  ) {}

  onModuleInit(): void {
    this.consumer.on('org.unit.defined', 'intake.org-unit', async ({ data }, m) => {
      await m.upsert(OrgUnitView, data, ['code']);
      return () => this.locator.invalidate();
    });
    this.consumer.on('grid.defined', 'intake.grid', async ({ data }, m) => {
      await m.upsert(GridView, data, ['code']);
      return () => this.locator.invalidate();
    });
    this.consumer.on('address.defined', 'intake.address', async ({ data }, m) => {
      await m.upsert(KnownAddressView, { id: data.id, name: data.name, aliases: data.aliases, lat: data.point.lat, lng: data.point.lng, active: data.active }, ['id']);
      return () => this.addresses.invalidate();
    });
  }
}
