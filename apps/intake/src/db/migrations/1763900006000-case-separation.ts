import { MigrationInterface, QueryRunner } from 'typeorm';

/** A cluster member separated from its lead (拆单) keeps who did it, when, why and which lead it left. */
export class CaseSeparation1763900006000 implements MigrationInterface {
  name = 'CaseSeparation1763900006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.cases ADD COLUMN separation jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.cases DROP COLUMN separation`);
  }
}
