import { MigrationInterface, QueryRunner } from 'typeorm';

/** Photos sent with a repeat request end on the case it repeats, marked as from the repeat (ADR 0017). */
export class AttachmentFromRepeat1763900009000 implements MigrationInterface {
  name = 'AttachmentFromRepeat1763900009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.attachments ADD COLUMN from_repeat boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.attachments DROP COLUMN from_repeat`);
  }
}
