import { MigrationInterface, QueryRunner } from 'typeorm';

/** The dispatcher's list of emergencies registered as cases: few rows among many, found by a partial index. */
export class EmergencyAttention1763900008000 implements MigrationInterface {
  name = 'EmergencyAttention1763900008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX cases_dispatched_emergency_idx ON intake.cases (registered_at) WHERE urgency = 'emergency' AND disposition = 'dispatched'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX intake.cases_dispatched_emergency_idx`);
  }
}
