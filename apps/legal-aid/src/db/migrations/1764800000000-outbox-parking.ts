import { outboxParkingDownSql, outboxParkingSql } from '@fq/events';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Parked outbox rows hold back the later rows of their key only (ADR 0021). */
export class OutboxParking1764800000000 implements MigrationInterface {
  name = 'OutboxParking1764800000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of outboxParkingSql('legal_aid')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of outboxParkingDownSql('legal_aid')) await q.query(sql);
  }
}
