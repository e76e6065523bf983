import 'reflect-metadata';
import { baseEnvSchema, parseEnv } from '@fq/config';
import { migrateAll } from './migrate-all';

/** `npm run migrate`: applies every service's pending migrations. */
migrateAll(parseEnv(baseEnvSchema).DATABASE_URL).catch((e) => {
  console.error(`migrate failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
