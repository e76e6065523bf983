import 'reflect-metadata';
import { baseEnvSchema, parseEnv } from '@fq/config';
import { dataSourceOptions } from '@fq/db';
import { DataSource } from 'typeorm';
import { seedDemoDistrict } from '../apps/admin/src/seed/demo-seed';
import { adminSchema } from './schemas';

/** `npm run seed`: loads the demo district (峄城区); admin announces it to the other services. */
async function main(): Promise<void> {
  const ds = await new DataSource(dataSourceOptions(adminSchema, parseEnv(baseEnvSchema).DATABASE_URL)).initialize();
  try {
    const r = await seedDemoDistrict(ds);
    console.log(`seed: ${r.units} org units, ${r.grids} grids, ${r.categories} categories, ${r.users} users, ${r.calendarYears} calendar years, ${r.slaRuleSets} SLA rule sets, ${r.addresses} known addresses added`);
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(`seed failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
