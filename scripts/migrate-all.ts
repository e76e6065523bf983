import { migrateSchema } from '@fq/db';
import { ALL_SCHEMAS } from './schemas';

/** Applies each service's pending migrations to its own schema. */
export async function migrateAll(url: string, log: (line: string) => void = console.log): Promise<void> {
  for (const def of ALL_SCHEMAS) {
    const applied = await migrateSchema(def, url);
    log(`migrate ${def.schema}: ${applied.length ? applied.join(', ') : 'up to date'}`);
  }
}
