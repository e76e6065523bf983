import { maskPhone, normalisePhone } from '@fq/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { PiiVault } from '../../residents/pii-vault';

/**
 * One file per resident (一人一档), phone and ID numbers sealed at rest, the triage outcome of
 * every request (size, report-upward flag, non-dispatch outcome), duplicates and clusters (并单),
 * query codes for residents without an account, and idempotency for external channels.
 */
export class ResidentFile1763900002000 implements MigrationInterface {
  name = 'ResidentFile1763900002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE intake.residents (
      id uuid PRIMARY KEY,
      phone_index text NOT NULL UNIQUE,
      phone_sealed text NOT NULL,
      phone_masked text NOT NULL,
      name text NOT NULL,
      id_number_index text,
      id_number_sealed text,
      id_number_masked text,
      phone_verified boolean NOT NULL DEFAULT false,
      first_seen_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX residents_id_number_idx ON intake.residents (id_number_index)`);
    await q.query(`ALTER TABLE intake.cases
      ALTER COLUMN requester_name DROP NOT NULL,
      ADD COLUMN resident_id uuid REFERENCES intake.residents(id),
      ADD COLUMN requester_phone_sealed text,
      ADD COLUMN requester_phone_masked text,
      ADD COLUMN requester_id_sealed text,
      ADD COLUMN requester_id_masked text,
      ADD COLUMN phone_verified boolean NOT NULL DEFAULT false,
      ADD COLUMN query_code_hash text,
      ADD COLUMN size_class text NOT NULL DEFAULT 'small',
      ADD COLUMN report_upward boolean NOT NULL DEFAULT false,
      ADD COLUMN department_matter boolean NOT NULL DEFAULT false,
      ADD COLUMN triage jsonb NOT NULL DEFAULT '{}',
      ADD COLUMN disposition text NOT NULL DEFAULT 'dispatched',
      ADD COLUMN disposition_reason text,
      ADD COLUMN hand_off text,
      ADD COLUMN cluster_id uuid,
      ADD COLUMN merged_into text,
      ADD COLUMN details jsonb`);
    // Phones registered before this migration are sealed now, then the clear column goes.
    const vault = PiiVault.fromEnv();
    const rows: { number: string; requester_phone: string }[] = await q.query(`SELECT number, requester_phone FROM intake.cases`);
    for (const r of rows) {
      const phone = normalisePhone(r.requester_phone);
      await q.query(`UPDATE intake.cases SET requester_phone_sealed = $2, requester_phone_masked = $3 WHERE number = $1`, [r.number, vault.seal(phone), maskPhone(phone)]);
    }
    await q.query(`ALTER TABLE intake.cases DROP COLUMN requester_phone`);
    await q.query(`CREATE INDEX cases_resident_idx ON intake.cases (resident_id, registered_at)`);
    await q.query(`CREATE INDEX cases_open_category_idx ON intake.cases (category_code, registered_at) WHERE status NOT IN ('closed', 'withdrawn')`);
    await q.query(`CREATE INDEX cases_cluster_idx ON intake.cases (cluster_id)`);
    await q.query(`CREATE INDEX cases_merged_into_idx ON intake.cases (merged_into)`);
    await q.query(`CREATE INDEX cases_report_upward_idx ON intake.cases (registered_at) WHERE report_upward`);

    await q.query(`CREATE TABLE intake.clusters (
      id uuid PRIMARY KEY,
      lead_case_number text NOT NULL REFERENCES intake.cases(number),
      category_code text NOT NULL,
      grid_code text,
      opened_at timestamptz NOT NULL
    )`);
    // Every contact a resident has with the platform about a case: the registration, a repeat
    // (linked, not opened again: 信访工作条例 Art. 19), a rating, a look-up.
    await q.query(`CREATE TABLE intake.case_contacts (
      id uuid PRIMARY KEY,
      case_number text NOT NULL REFERENCES intake.cases(number),
      resident_id uuid REFERENCES intake.residents(id),
      kind text NOT NULL,
      channel text,
      note text,
      at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX case_contacts_case_idx ON intake.case_contacts (case_number, at)`);
    await q.query(`CREATE INDEX case_contacts_resident_idx ON intake.case_contacts (resident_id, at)`);
    await q.query(`CREATE TABLE intake.external_refs (
      source text NOT NULL,
      external_id text NOT NULL,
      case_number text REFERENCES intake.cases(number),
      alert_id uuid,
      received_at timestamptz NOT NULL,
      PRIMARY KEY (source, external_id)
    )`);
    await q.query(`CREATE TABLE intake.opinion_alerts (
      id uuid PRIMARY KEY,
      source text NOT NULL,
      link text NOT NULL,
      title text NOT NULL,
      text text NOT NULL,
      reach int,
      published_at timestamptz,
      report_upward boolean NOT NULL,
      reasons jsonb NOT NULL,
      category_code text,
      status text NOT NULL DEFAULT 'open',
      case_number text REFERENCES intake.cases(number),
      registered_by text NOT NULL,
      registered_at timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.opinion_alerts, intake.external_refs, intake.case_contacts, intake.clusters`);
    await q.query(`ALTER TABLE intake.cases ADD COLUMN requester_phone text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE intake.cases DROP COLUMN resident_id, DROP COLUMN requester_phone_sealed, DROP COLUMN requester_phone_masked,
      DROP COLUMN requester_id_sealed, DROP COLUMN requester_id_masked, DROP COLUMN phone_verified, DROP COLUMN query_code_hash, DROP COLUMN size_class,
      DROP COLUMN report_upward, DROP COLUMN department_matter, DROP COLUMN triage, DROP COLUMN disposition, DROP COLUMN disposition_reason,
      DROP COLUMN hand_off, DROP COLUMN cluster_id, DROP COLUMN merged_into, DROP COLUMN details`);
    await q.query(`DROP TABLE intake.residents`);
  }
}
