import { MigrationInterface, QueryRunner } from 'typeorm';

/** Intake's copy of admin's address book, fed by `address.defined`. */
export class KnownAddresses1763900007000 implements MigrationInterface {
  name = 'KnownAddresses1763900007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE intake.known_addresses (
      id text PRIMARY KEY,
      name text NOT NULL,
      aliases jsonb NOT NULL DEFAULT '[]',
      lat double precision NOT NULL,
      lng double precision NOT NULL,
      active boolean NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.known_addresses`);
  }
}
