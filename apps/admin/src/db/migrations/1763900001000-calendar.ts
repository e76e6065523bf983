import { MigrationInterface, QueryRunner } from 'typeorm';

export class Calendar1763900001000 implements MigrationInterface {
  name = 'Calendar1763900001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE admin.calendar_year (
      year int PRIMARY KEY,
      source text NOT NULL CHECK (source IN ('package', 'edited')),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by text NOT NULL
    )`);
    await q.query(`CREATE TABLE admin.calendar_day (
      date text PRIMARY KEY CHECK (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
      name text
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE admin.calendar_day, admin.calendar_year`);
  }
}
