import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@fq/events';
import { DispatchPlanner } from './dispatch-planner';
import { CategoryView } from './dispatch.entities';

/** Keeps intake's copies of the category tree and the dispatch catalogue current from admin's events. */
@Injectable()
export class DispatchConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly planner: DispatchPlanner,
  ) {}

  onModuleInit(): void {
    this.consumer.on('category.defined', 'intake.category', async ({ data }, m) => {
      await m.upsert(CategoryView, data, ['code']);
      return () => this.planner.invalidate();
    });
    this.consumer.on('dispatch.catalogue.defined', 'intake.dispatch-catalogue', async ({ data, occurredAt }, m) => {
      // Keyed by one key, versions arrive in order; the guard keeps a replayed old version from winning.
      await m.query(
        `INSERT INTO intake.dispatch_catalogue (id, version, entries, defined_at) VALUES (1, $1, $2::jsonb, $3)
         ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, entries = EXCLUDED.entries, defined_at = EXCLUDED.defined_at
         WHERE intake.dispatch_catalogue.version < EXCLUDED.version`,
        [data.version, JSON.stringify(data.entries), occurredAt],
      );
      return () => this.planner.invalidate();
    });
  }
}
