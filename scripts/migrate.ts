import 'reflect-metadata';
import { baseEnvSchema, parseEnv } from '@fq/config';
import { migrateSchema } from '@fq/db';
import { ALL_SCHEMAS } from './schemas';

/** `npm run migrate`: applies each service's pending migrations to its own schema. */
export async function migrateAll(url: string, log = console.log): Promise<void> {
  for (const def of ALL_SCHEMAS) {
    const applied = await migrateSchema(def, url);
    log(`migrate ${def.schema}: ${applied.length ? applied.join(', ') : 'up to date'}`);
  }
}

if (require.main === module) {
  migrateAll(parseEnv(baseEnvSchema).DATABASE_URL).catch((e) => {
    console.error(`migrate failed: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
}
