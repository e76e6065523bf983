import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AttachmentBlob, AttachmentRecord } from './attachment.entities';
import { attachmentInUse, attachmentNotFound, fileEmpty, fileTooLarge, fileTypeNotAllowed, invalidAttachmentId, tooManyAttachments, unknownAttachment } from './attachment.errors';
import { AttachmentType, MAX_ATTACHMENTS_PER_CASE, MAX_ATTACHMENT_BYTES, isAttachmentId, sanitiseFileName, sniffAttachmentType } from './attachment.rules';

/** What a case keeps of each of its attachments. */
export interface AttachmentRef {
  id: string;
  fileName: string;
  contentType: AttachmentType;
  sizeBytes: number;
  /** Present (true) when it came with a repeat request linked to the case. */
  fromRepeat?: true;
}

export interface StoredAttachment extends AttachmentRef {
  sha256: string;
}

export interface AttachmentContent {
  fileName: string;
  contentType: AttachmentType;
  bytes: Buffer;
}

const refOf = (r: AttachmentRecord): AttachmentRef => ({ id: r.id, fileName: r.fileName, contentType: r.contentType, sizeBytes: r.sizeBytes, ...(r.fromRepeat ? { fromRepeat: true as const } : {}) });

/**
 * Photos and documents of cases, kept in intake's schema (docs/adr/0010). Only this service
 * knows where the bytes are, so moving them to an object store changes nothing outside it.
 */
@Injectable()
export class AttachmentsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Stores one uploaded file, typed by its bytes; it belongs to no case until `attach`. */
  async store(file: { originalName: string; bytes: Buffer }, uploadedBy: string): Promise<StoredAttachment> {
    const { bytes } = file;
    if (bytes.length === 0) throw fileEmpty();
    if (bytes.length > MAX_ATTACHMENT_BYTES) throw fileTooLarge();
    const contentType = sniffAttachmentType(bytes);
    if (!contentType) throw fileTypeNotAllowed();
    const record: AttachmentRecord = {
      id: randomUUID(),
      caseNumber: null,
      fileName: sanitiseFileName(file.originalName),
      contentType,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedBy,
      uploadedAt: new Date(),
      attachedAt: null,
      fromRepeat: false,
    };
    await this.ds.transaction(async (m) => {
      await m.insert(AttachmentRecord, record);
      await m.insert(AttachmentBlob, { id: record.id, bytes });
    });
    return { ...refOf(record), sha256: record.sha256 };
  }

  async open(id: string): Promise<AttachmentContent> {
    if (!isAttachmentId(id)) throw invalidAttachmentId(id);
    const record = await this.ds.getRepository(AttachmentRecord).findOneBy({ id });
    const blob = record && (await this.ds.getRepository(AttachmentBlob).findOneBy({ id }));
    if (!record || !blob) throw attachmentNotFound(id);
    return { fileName: record.fileName, contentType: record.contentType, bytes: blob.bytes };
  }

  /**
   * Links uploaded attachments to a case, inside the caller's transaction (the case's
   * registration). Linking again to the same case is a no-op; an id that is unknown, or linked
   * to another case, refuses the whole call. Answers the refs in the order of `ids`.
   */
  async attach(m: EntityManager, caseNumber: string, ids: string[], opts: { fromRepeat?: boolean } = {}): Promise<AttachmentRef[]> {
    // Outside a transaction the lock below would end at once and the link could half-happen.
    if (!m.queryRunner?.isTransactionActive) throw new Error('AttachmentsService.attach must run inside the transaction that registers the case.');
    const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
    if (wanted.length === 0) return [];
    if (wanted.length > MAX_ATTACHMENTS_PER_CASE) throw tooManyAttachments(wanted.length);
    const malformed = wanted.find((id) => !isAttachmentId(id));
    if (malformed) throw unknownAttachment(malformed);
    // Locked, so two registrations cannot both take the same attachment.
    const rows = await m.createQueryBuilder(AttachmentRecord, 'a').setLock('pessimistic_write').where({ id: In(wanted) }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const records = wanted.map((id) => {
      const r = byId.get(id);
      if (!r) throw unknownAttachment(id);
      if (r.caseNumber !== null && r.caseNumber !== caseNumber) {
        throw attachmentInUse(id);
      }
      return r;
    });
    const already = await m.countBy(AttachmentRecord, { caseNumber });
    const adding = records.filter((r) => r.caseNumber === null);
    if (already + adding.length > MAX_ATTACHMENTS_PER_CASE) throw tooManyAttachments(already + adding.length);
    if (adding.length > 0) {
      const attachedAt = new Date();
      await m.update(AttachmentRecord, { id: In(adding.map((r) => r.id)) }, { caseNumber, attachedAt, fromRepeat: opts.fromRepeat ?? false });
    }
    return records.map(refOf);
  }

  /** A case's attachments in the order they were uploaded; never reads the bytes. */
  async listFor(caseNumber: string, m: EntityManager = this.ds.manager): Promise<AttachmentRef[]> {
    const rows = await m.find(AttachmentRecord, {
      select: { id: true, fileName: true, contentType: true, sizeBytes: true, fromRepeat: true },
      where: { caseNumber },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
    return rows.map(refOf);
  }
}
