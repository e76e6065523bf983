import { MigrationInterface, QueryRunner } from 'typeorm';

/** The case's clock as the ladder reports it, and the progress steps already applied. */
export class CaseProgress1763900001000 implements MigrationInterface {
  name = 'CaseProgress1763900001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.cases ADD COLUMN resolve_by timestamptz, ADD COLUMN overdue boolean NOT NULL DEFAULT false,
      ADD COLUMN reopen_count int NOT NULL DEFAULT 0, ADD COLUMN urgency text NOT NULL DEFAULT 'normal', ADD COLUMN updated_at timestamptz`);
    await q.query(`CREATE TABLE intake.case_progress (
      id text PRIMARY KEY,
      case_number text NOT NULL REFERENCES intake.cases(number),
      kind text NOT NULL,
      at timestamptz NOT NULL,
      level text NOT NULL,
      unit_code text NOT NULL,
      details jsonb NOT NULL
    )`);
    await q.query(`CREATE INDEX case_progress_case_idx ON intake.case_progress (case_number, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.case_progress`);
    await q.query(`ALTER TABLE intake.cases DROP COLUMN resolve_by, DROP COLUMN overdue, DROP COLUMN reopen_count, DROP COLUMN urgency, DROP COLUMN updated_at`);
  }
}
