import { messagingTablesSql } from '@fq/events';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The mediation schema starts with its outbox and inbox; its cases and sessions come with their issue. */
export class MediationInit1763900000000 implements MigrationInterface {
  name = 'MediationInit1763900000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of messagingTablesSql('mediation')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mediation.inbox, mediation.outbox`);
  }
}
