import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@fq/events';
import { GridLocator } from './grid-locator';
import { GridView, OrgUnitView } from './org.entities';

/** Keeps intake's copy of the org tree and grid boundaries current from admin's events. */
@Injectable()
export class OrgConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly locator: GridLocator,
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
  }
}
