import { MigrationInterface, QueryRunner } from 'typeorm';

/** The address book (标准地址库): known places, searched by any part of a name or an alias. */
export class KnownAddresses1763900007000 implements MigrationInterface {
  name = 'KnownAddresses1763900007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE admin.known_addresses (
      id text PRIMARY KEY,
      name text NOT NULL,
      aliases text[] NOT NULL DEFAULT '{}',
      lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
      lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
      active boolean NOT NULL DEFAULT true,
      search_text text NOT NULL,
      search_grams text[] NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    // Substring search: the GIN index narrows to entries holding every bigram of the query.
    await q.query(`CREATE INDEX known_addresses_grams_idx ON admin.known_addresses USING gin (search_grams)`);
    // Pages are ordered by name; the id breaks ties so a page boundary never repeats or skips one.
    await q.query(`CREATE INDEX known_addresses_name_idx ON admin.known_addresses (name, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE admin.known_addresses`);
  }
}
