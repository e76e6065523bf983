import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AttachmentType } from './attachment.rules';

/** A photo or document as uploaded; linked to a case when the case is registered with it. */
@Entity({ name: 'attachments' })
export class AttachmentRecord {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text', nullable: true }) caseNumber!: string | null;
  /** Sanitised (attachment.rules.ts); only ever sent back RFC 5987-encoded. */
  @Column({ type: 'text' }) fileName!: string;
  /** Read from the file's bytes, never from what the client declared. */
  @Column({ type: 'text' }) contentType!: AttachmentType;
  @Column({ type: 'int' }) sizeBytes!: number;
  @Column({ type: 'text' }) sha256!: string;
  /** The uploader's login, or `public` for a resident without an account. */
  @Column({ type: 'text' }) uploadedBy!: string;
  @Column({ type: 'timestamptz' }) uploadedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) attachedAt!: Date | null;
  /** Sent with a later request of the same requester that was linked to this case as a repeat. */
  @Column({ type: 'boolean', default: false }) fromRepeat!: boolean;
}

/** The bytes, apart, so that listings never read them. */
@Entity({ name: 'attachment_blobs' })
export class AttachmentBlob {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'bytea' }) bytes!: Buffer;
}
