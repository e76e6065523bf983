import { MigrationInterface, QueryRunner } from 'typeorm';

/** A case can come back to a level (reopened, re-routed): one work order per level and round. */
export class WorkOrderRounds1763900001000 implements MigrationInterface {
  name = 'WorkOrderRounds1763900001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE departments.work_order ADD COLUMN round int NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE departments.work_order ADD COLUMN updated_at timestamptz`);
    await q.query(`ALTER TABLE departments.work_order DROP CONSTRAINT work_order_case_level`);
    await q.query(`ALTER TABLE departments.work_order ADD CONSTRAINT work_order_case_level_round UNIQUE (case_number, level, round)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE departments.work_order DROP CONSTRAINT work_order_case_level_round`);
    await q.query(`ALTER TABLE departments.work_order ADD CONSTRAINT work_order_case_level UNIQUE (case_number, level)`);
    await q.query(`ALTER TABLE departments.work_order DROP COLUMN updated_at, DROP COLUMN round`);
  }
}
