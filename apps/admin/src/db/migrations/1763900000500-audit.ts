import { MigrationInterface, QueryRunner } from 'typeorm';

export class Audit1763900000500 implements MigrationInterface {
  name = 'Audit1763900000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE admin.audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      action text NOT NULL,
      subject text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'
    )`);
    await q.query(`CREATE INDEX audit_log_subject_idx ON admin.audit_log (subject, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE admin.audit_log`);
  }
}
