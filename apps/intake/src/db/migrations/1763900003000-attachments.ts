import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos and documents of cases (docs/adr/0010): the description in one table, the bytes in
 * another, so listing a case's attachments never reads a blob.
 */
export class Attachments1763900003000 implements MigrationInterface {
  name = 'Attachments1763900003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE intake.attachments (
      id uuid PRIMARY KEY,
      case_number text,
      file_name text NOT NULL,
      content_type text NOT NULL,
      size_bytes int NOT NULL CHECK (size_bytes >= 0),
      sha256 text NOT NULL,
      uploaded_by text NOT NULL,
      uploaded_at timestamptz NOT NULL,
      attached_at timestamptz,
      CHECK ((case_number IS NULL) = (attached_at IS NULL))
    )`);
    await q.query(`CREATE INDEX attachments_case_idx ON intake.attachments (case_number) WHERE case_number IS NOT NULL`);
    // Uploaded but never attached: what a clean-up would look for.
    await q.query(`CREATE INDEX attachments_unattached_idx ON intake.attachments (uploaded_at) WHERE case_number IS NULL`);
    await q.query(`CREATE TABLE intake.attachment_blobs (
      id uuid PRIMARY KEY REFERENCES intake.attachments(id) ON DELETE CASCADE,
      bytes bytea NOT NULL
    )`);
    // JPEG, PNG and WebP are compressed already: store them out of line without trying again.
    await q.query(`ALTER TABLE intake.attachment_blobs ALTER COLUMN bytes SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.attachment_blobs, intake.attachments`);
  }
}
