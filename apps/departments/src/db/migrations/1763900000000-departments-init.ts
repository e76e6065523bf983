import { messagingTablesSql } from '@fq/events';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class DepartmentsInit1763900000000 implements MigrationInterface {
  name = 'DepartmentsInit1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE departments.work_order (
      id uuid PRIMARY KEY,
      case_number text NOT NULL,
      level text NOT NULL,
      unit_code text NOT NULL,
      unit_name text NOT NULL,
      title text NOT NULL,
      status text NOT NULL,
      created_at timestamptz NOT NULL,
      CONSTRAINT work_order_case_level UNIQUE (case_number, level)
    )`);
    await q.query(`CREATE INDEX work_order_unit_idx ON departments.work_order (unit_code, status, created_at DESC)`);
    for (const sql of messagingTablesSql('departments')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE departments.inbox, departments.outbox, departments.work_order`);
  }
}
