import { AdminModule } from '../../apps/admin/src/admin.module';
import { DepartmentsModule } from '../../apps/departments/src/departments.module';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { DataSource } from 'typeorm';
import { RunningApp, eventually, startApp } from '@fq/testing';
import { Client, Connection } from '@temporalio/client';
import { migrateAll } from '../../scripts/migrate-all';
import { seedDemoDistrict } from '../../apps/admin/src/seed/demo-seed';
import { dataSourceOptions } from '@fq/db';
import { adminSchema } from '../../scripts/schemas';

/** The services of the case slice, started in this process against the real servers. */
export interface System {
  admin: RunningApp;
  intake: RunningApp;
  departments: RunningApp;
  worker: RunningApp;
  db: DataSource;
  temporal: Client;
  stop(): Promise<void>;
}

/** Migrates every schema and seeds the demo district (both idempotent). */
export async function prepareDatabase(): Promise<void> {
  const url = process.env.DATABASE_URL as string;
  await migrateAll(url, () => undefined);
  const adminDs = await new DataSource(dataSourceOptions(adminSchema, url)).initialize();
  await seedDemoDistrict(adminDs);
  await adminDs.destroy();
}

export async function startSystem(): Promise<System> {
  const url = process.env.DATABASE_URL as string;
  await prepareDatabase();

  const [intake, departments, worker] = await Promise.all([startApp(IntakeModule), startApp(DepartmentsModule), startApp(WorkerModule)]);
  // Admin's console proxy (/svc/<service>) reaches the services where they listen (ADR 0023).
  Object.assign(process.env, { INTAKE_URL: intake.url, DEPARTMENTS_URL: departments.url });
  const admin = await startApp(AdminModule);
  const db = await new DataSource({ type: 'postgres', url }).initialize();
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection });
  // Intake learns the grids, categories, dispatch catalogue and address book from admin's events; triage needs them before it can route.
  await eventually('grids, categories, the dispatch catalogue and the address book to reach intake', async () => {
    const [r] = await db.query(`SELECT (SELECT count(*) FROM intake.grid)::int AS grids, (SELECT count(*) FROM admin.grid)::int AS "adminGrids",
      (SELECT count(*) FROM intake.category)::int AS categories, (SELECT count(*) FROM admin.category)::int AS "adminCategories",
      (SELECT count(*) FROM intake.dispatch_catalogue)::int AS catalogue,
      (SELECT count(*) FROM intake.known_addresses)::int AS addresses, (SELECT count(*) FROM admin.known_addresses)::int AS "adminAddresses"`);
    const ready = r.grids === r.adminGrids && r.grids > 0 && r.categories === r.adminCategories && r.catalogue > 0 && r.addresses === r.adminAddresses && r.addresses > 0;
    return ready ? r : undefined;
  });
  return {
    admin,
    intake,
    departments,
    worker,
    db,
    temporal,
    async stop() {
      await Promise.all([admin.close(), intake.close(), departments.close(), worker.close()]);
      await db.destroy();
      await connection.close();
    },
  };
}
