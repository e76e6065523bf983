import { MigrationInterface, QueryRunner } from 'typeorm';

/** A work order carries its level's deadlines, so the unit sees when it must sign and resolve. */
export class WorkOrderDeadlines1763900002000 implements MigrationInterface {
  name = 'WorkOrderDeadlines1763900002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE departments.work_order ADD COLUMN sign_by timestamptz, ADD COLUMN resolve_by timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE departments.work_order DROP COLUMN resolve_by, DROP COLUMN sign_by`);
  }
}
