import { MigrationInterface, QueryRunner } from 'typeorm';

export class Sla1763900002000 implements MigrationInterface {
  name = 'Sla1763900002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE admin.sla_rule_set (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      version int NOT NULL CHECK (version > 0),
      status text NOT NULL CHECK (status IN ('draft', 'active', 'retired')),
      active_from timestamptz,
      rules jsonb NOT NULL,
      preset text,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (name, version),
      CHECK ((status = 'draft') = (active_from IS NULL))
    )`);
    // One set per starting instant, so "the latest active_from <= t" always names exactly one set.
    await q.query(`CREATE UNIQUE INDEX sla_rule_set_active_from_key ON admin.sla_rule_set (active_from) WHERE active_from IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE admin.sla_rule_set`);
  }
}
