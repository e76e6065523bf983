import { messagingTablesSql } from '@fq/events';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class IntakeInit1763900000000 implements MigrationInterface {
  name = 'IntakeInit1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE intake.case_number_seq`);
    await q.query(`CREATE TABLE intake.cases (
      number text PRIMARY KEY,
      channel text NOT NULL,
      title text NOT NULL,
      description text NOT NULL,
      category_code text,
      lat double precision,
      lng double precision,
      address text,
      requester_name text NOT NULL,
      requester_phone text NOT NULL,
      grid_code text,
      level text NOT NULL,
      status text NOT NULL,
      unit_code text NOT NULL,
      unit_name text NOT NULL,
      work_order_id uuid,
      registered_by text NOT NULL,
      correlation_id text NOT NULL,
      registered_at timestamptz NOT NULL,
      assigned_at timestamptz
    )`);
    await q.query(`CREATE INDEX cases_status_idx ON intake.cases (status, registered_at)`);
    await q.query(`CREATE TABLE intake.org_unit (code text PRIMARY KEY, name text NOT NULL, kind text NOT NULL, parent_code text)`);
    await q.query(`CREATE TABLE intake.grid (
      code text PRIMARY KEY, name text NOT NULL, kind text NOT NULL,
      village_code text NOT NULL, town_code text NOT NULL, boundary jsonb NOT NULL
    )`);
    for (const sql of messagingTablesSql('intake')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.inbox, intake.outbox, intake.grid, intake.org_unit, intake.cases`);
    await q.query(`DROP SEQUENCE intake.case_number_seq`);
  }
}
