import { AdminModule } from '../../apps/admin/src/admin.module';
import { DepartmentsModule } from '../../apps/departments/src/departments.module';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { DataSource } from 'typeorm';
import { RunningApp, eventually, startApp } from '@fq/testing';
import { Client, Connection } from '@temporalio/client';
import { migrateAll } from '../../scripts/migrate';
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

export async function startSystem(): Promise<System> {
  const url = process.env.DATABASE_URL as string;
  await migrateAll(url, () => undefined);
  const adminDs = await new DataSource(dataSourceOptions(adminSchema, url)).initialize();
  await seedDemoDistrict(adminDs);
  await adminDs.destroy();

  const [admin, intake, departments, worker] = await Promise.all([startApp(AdminModule), startApp(IntakeModule), startApp(DepartmentsModule), startApp(WorkerModule)]);
  const db = await new DataSource({ type: 'postgres', url }).initialize();
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection });
  // Intake learns the grids from admin's events; the slice needs them before it can route.
  await eventually('grids to reach intake', async () => {
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM intake.grid`);
    return n > 0 ? n : undefined;
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
