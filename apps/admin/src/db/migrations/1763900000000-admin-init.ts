import { messagingTablesSql } from '@fq/events';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AdminInit1763900000000 implements MigrationInterface {
  name = 'AdminInit1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE admin.org_unit (code text PRIMARY KEY, name text NOT NULL, kind text NOT NULL, parent_code text)`);
    await q.query(`CREATE INDEX org_unit_parent_idx ON admin.org_unit (parent_code)`);
    await q.query(`CREATE TABLE admin.grid (
      code text PRIMARY KEY, name text NOT NULL, kind text NOT NULL,
      village_code text NOT NULL, town_code text NOT NULL, boundary jsonb NOT NULL
    )`);
    await q.query(`CREATE TABLE admin.category (code text PRIMARY KEY, name text NOT NULL, parent_code text, lead_department_code text)`);
    await q.query(`CREATE TABLE admin.app_user (
      login text PRIMARY KEY, name text NOT NULL, roles text[] NOT NULL, unit_code text NOT NULL, active boolean NOT NULL DEFAULT true
    )`);
    for (const sql of messagingTablesSql('admin')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE admin.inbox, admin.outbox, admin.app_user, admin.category, admin.grid, admin.org_unit`);
  }
}
