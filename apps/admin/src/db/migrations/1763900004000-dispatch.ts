import { MigrationInterface, QueryRunner } from 'typeorm';

/** Editable categories (department matters, active flag) and the versioned dispatch catalogue. */
export class Dispatch1763900004000 implements MigrationInterface {
  name = 'Dispatch1763900004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE admin.category ADD COLUMN department_matter boolean NOT NULL DEFAULT false, ADD COLUMN active boolean NOT NULL DEFAULT true`);
    await q.query(`CREATE TABLE admin.dispatch_catalogue (
      version int PRIMARY KEY CHECK (version > 0),
      entries jsonb NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE admin.dispatch_catalogue`);
    await q.query(`ALTER TABLE admin.category DROP COLUMN department_matter, DROP COLUMN active`);
  }
}
