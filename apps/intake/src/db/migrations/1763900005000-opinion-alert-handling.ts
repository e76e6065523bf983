import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dispatcher handles each public-opinion alert once: converts it into a case or dismisses it
 * with a reason. `status` becomes `state` (the API's word); the checks keep a row's columns
 * consistent with its state.
 */
export class OpinionAlertHandling1763900005000 implements MigrationInterface {
  name = 'OpinionAlertHandling1763900005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.opinion_alerts RENAME COLUMN status TO state`);
    await q.query(`ALTER TABLE intake.opinion_alerts
      ADD COLUMN handled_by text,
      ADD COLUMN handled_at timestamptz,
      ADD COLUMN dismissal_reason text,
      ADD CONSTRAINT opinion_alerts_state_check CHECK (state IN ('open', 'converted', 'dismissed')),
      ADD CONSTRAINT opinion_alerts_handled_check CHECK (
        (state = 'open') = (handled_at IS NULL) AND (handled_at IS NULL) = (handled_by IS NULL)
        AND (state = 'converted') = (case_number IS NOT NULL)
        AND (state = 'dismissed') = (dismissal_reason IS NOT NULL))`);
    await q.query(`CREATE INDEX opinion_alerts_state_idx ON intake.opinion_alerts (state, registered_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX intake.opinion_alerts_state_idx`);
    await q.query(`ALTER TABLE intake.opinion_alerts DROP CONSTRAINT opinion_alerts_handled_check, DROP CONSTRAINT opinion_alerts_state_check,
      DROP COLUMN dismissal_reason, DROP COLUMN handled_at, DROP COLUMN handled_by`);
    await q.query(`ALTER TABLE intake.opinion_alerts RENAME COLUMN state TO status`);
  }
}
