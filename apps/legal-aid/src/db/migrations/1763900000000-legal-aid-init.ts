import { messagingTablesSql } from '@fq/events';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The legal-aid schema starts with its outbox and inbox; its cases and sessions come with their issue. */
export class LegalAidInit1763900000000 implements MigrationInterface {
  name = 'LegalAidInit1763900000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of messagingTablesSql('legal_aid')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE legal_aid.inbox, legal_aid.outbox`);
  }
}
