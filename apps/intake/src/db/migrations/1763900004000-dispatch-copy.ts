import { MigrationInterface, QueryRunner } from 'typeorm';

/** Intake's copies of admin's category tree and of the dispatch catalogue in force (ADR 0005's pattern). */
export class DispatchCopy1763900004000 implements MigrationInterface {
  name = 'DispatchCopy1763900004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE intake.category (
      code text PRIMARY KEY,
      name text NOT NULL,
      parent_code text,
      lead_department_code text,
      department_matter boolean NOT NULL,
      active boolean NOT NULL
    )`);
    // One row: the latest version received (older or replayed versions never overwrite it).
    await q.query(`CREATE TABLE intake.dispatch_catalogue (
      id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      version int NOT NULL,
      entries jsonb NOT NULL,
      defined_at timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.dispatch_catalogue, intake.category`);
  }
}
