import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Channel, invalid, isUuid, maskIdNumber, maskPhone, normalisePhone, notFound } from '@fq/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { CaseContact, ContactKind, Resident } from './resident.entity';
import { PiiVault } from './pii-vault';

export interface Requester {
  name: string;
  phone: string;
  phoneVerified: boolean;
  idNumber?: string;
}

/** Within this window, this many cases or repeats make a repeat requester (重复诉求人), flagged for a dispatcher. */
export const REPEAT_WINDOW_DAYS = 90;
export const REPEAT_CASES = 3;
export const REPEAT_CONTACTS = 2;

/** Cases and repeats per resident seen in the window ($1 days; $2 one resident, or null for all). */
const REPEAT_COUNTS = `WITH counted AS (
  SELECT r.id, r.name, r.phone_masked AS phone,
    (SELECT count(*) FROM intake.cases c WHERE c.resident_id = r.id AND c.registered_at > now() - make_interval(days => $1))::int AS cases,
    (SELECT count(*) FROM intake.case_contacts k WHERE k.resident_id = r.id AND k.kind = 'repeat' AND k.at > now() - make_interval(days => $1))::int AS repeats
  FROM intake.residents r WHERE ($2::uuid IS NULL OR r.id = $2::uuid) AND r.last_seen_at > now() - make_interval(days => $1))`;
const IS_REPEAT = `cases >= ${REPEAT_CASES} OR repeats >= ${REPEAT_CONTACTS}`;

@Injectable()
export class ResidentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly vault: PiiVault,
  ) {}

  /**
   * The resident's file for this requester, created on first contact. The row stays locked until
   * the transaction ends, so one resident's requests are checked for duplicates one at a time.
   */
  async fileFor(m: EntityManager, r: Requester, now: Date): Promise<Resident> {
    const phone = normalisePhone(r.phone);
    const idNumber = r.idNumber?.toUpperCase();
    const [phoneIndex, ...previousIndexes] = this.vault.indexes('phone', phone);
    if (previousIndexes.length > 0) {
      // During a key rotation the file may still be indexed under a previous key: move it to the
      // current one (locking it), so the upsert below finds it rather than opening a second file.
      await m.query(
        `UPDATE intake.residents SET phone_index = $1, phone_sealed = $2
          WHERE phone_index = ANY($3::text[]) AND NOT EXISTS (SELECT 1 FROM intake.residents WHERE phone_index = $1)`,
        [phoneIndex, this.vault.seal(phone), previousIndexes],
      );
    }
    const rows: Resident[] = await m.query(
      `INSERT INTO intake.residents AS r (id, phone_index, phone_sealed, phone_masked, name, id_number_index, id_number_sealed, id_number_masked, phone_verified, first_seen_at, last_seen_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
       ON CONFLICT (phone_index) DO UPDATE SET
         last_seen_at = $10,
         phone_verified = r.phone_verified OR $9,
         name = CASE WHEN $9 THEN $5 ELSE r.name END,
         id_number_index = COALESCE($6, r.id_number_index),
         id_number_sealed = COALESCE($7, r.id_number_sealed),
         id_number_masked = COALESCE($8, r.id_number_masked)
       RETURNING id, phone_verified AS "phoneVerified"`,
      [
        randomUUID(),
        phoneIndex,
        this.vault.seal(phone),
        maskPhone(phone),
        r.name,
        idNumber ? this.vault.index('id', idNumber) : null,
        idNumber ? this.vault.seal(idNumber) : null,
        idNumber ? maskIdNumber(idNumber) : null,
        r.phoneVerified,
        now,
      ],
    );
    return rows[0];
  }

  /**
   * Every requester's file for one request (a joint petition's signers), in the order given. The
   * rows are locked in one order (by phone), so two requests naming the same people in opposite
   * orders wait for each other instead of deadlocking.
   */
  async filesFor(m: EntityManager, people: Requester[], now: Date): Promise<Resident[]> {
    const order = people.map((r, i) => ({ r, i, phone: normalisePhone(r.phone) })).sort((a, b) => (a.phone < b.phone ? -1 : a.phone > b.phone ? 1 : a.i - b.i));
    const files: Resident[] = new Array(people.length);
    for (const { r, i } of order) files[i] = await this.fileFor(m, r, now);
    return files;
  }

  sealed(r: Requester) {
    const phone = normalisePhone(r.phone);
    const idNumber = r.idNumber?.toUpperCase();
    return {
      requesterPhoneSealed: this.vault.seal(phone),
      requesterPhoneMasked: maskPhone(phone),
      requesterIdSealed: idNumber ? this.vault.seal(idNumber) : null,
      requesterIdMasked: idNumber ? maskIdNumber(idNumber) : null,
    };
  }

  async contact(m: EntityManager, c: { caseNumber: string; residentId: string | null; kind: ContactKind; channel?: Channel | null; note?: string | null; at?: Date }): Promise<void> {
    await m.insert(CaseContact, { id: randomUUID(), caseNumber: c.caseNumber, residentId: c.residentId, kind: c.kind, channel: c.channel ?? null, note: c.note ?? null, at: c.at ?? new Date() });
  }

  /** Counts what `m` sees: inside the intake transaction, the contact being recorded counts too. */
  async isRepeatRequester(residentId: string, m: EntityManager = this.ds.manager): Promise<boolean> {
    const rows = await m.query(`${REPEAT_COUNTS} SELECT 1 FROM counted WHERE ${IS_REPEAT}`, [REPEAT_WINDOW_DAYS, residentId]);
    return rows.length > 0;
  }

  /** Residents seen in the window who count as repeat requesters, most active first (phones masked). */
  repeatRequesters(limit = 100): Promise<{ id: string; name: string; phone: string; cases: number; repeats: number }[]> {
    return this.ds.query(`${REPEAT_COUNTS} SELECT * FROM counted WHERE ${IS_REPEAT} ORDER BY cases + repeats DESC LIMIT $3`, [REPEAT_WINDOW_DAYS, null, limit]);
  }

  /** A resident's file by phone number (the dispatcher types what the caller says). */
  async findByPhone(phone: string): Promise<ResidentProfile> {
    // Every key's index, so a file not yet re-indexed by a rotation is found too; the current key's first.
    const indexes = this.vault.indexes('phone', normalisePhone(phone));
    const files = await this.ds.getRepository(Resident).findBy({ phoneIndex: In(indexes) });
    const [found] = files.sort((a, b) => indexes.indexOf(a.phoneIndex) - indexes.indexOf(b.phoneIndex));
    if (!found) throw notFound('RESIDENT_NOT_FOUND', 'No resident has contacted us from this phone number.');
    return this.profile(found.id);
  }

  /** The file: who, every case with its status and rating, every contact, and the repeat-requester flag. */
  async profile(id: string): Promise<ResidentProfile> {
    if (!isUuid(id)) throw invalid('INVALID_RESIDENT_ID', `"${id}" is not a resident id (a UUID).`);
    const r = await this.ds.getRepository(Resident).findOneBy({ id });
    if (!r) throw notFound('RESIDENT_NOT_FOUND', `No resident has the id ${id}.`);
    const cases: ResidentCase[] = await this.ds.query(
      `SELECT c.number AS "caseNumber", c.channel, c.title, c.status, c.disposition, c.merged_into AS "mergedInto", c.registered_at AS "registeredAt",
              CASE WHEN c.merged_into IS NULL
                THEN (SELECT p.details->>'rating' FROM intake.case_progress p WHERE p.case_number = c.number AND p.kind = 'rated' ORDER BY p.at DESC LIMIT 1)
                -- A cluster member's requester rates the reply themselves (ADR 0016): their own rating, not the lead's.
                ELSE (SELECT k.note FROM intake.case_contacts k WHERE k.case_number = c.number AND k.kind = 'rating' ORDER BY k.at LIMIT 1) END AS rating
         FROM intake.cases c
        -- Their own cases, and those they joined (a joint petition's other signers).
        WHERE c.resident_id = $1 OR c.number IN (SELECT k.case_number FROM intake.case_contacts k WHERE k.resident_id = $1)
        ORDER BY c.registered_at DESC LIMIT 200`,
      [id],
    );
    const contacts = await this.ds.getRepository(CaseContact).find({ where: { residentId: id }, order: { at: 'DESC' }, take: 200 });
    return {
      id: r.id,
      name: r.name,
      phone: r.phoneMasked,
      idNumber: r.idNumberMasked,
      phoneVerified: r.phoneVerified,
      firstSeenAt: r.firstSeenAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      repeatRequester: await this.isRepeatRequester(id),
      cases: cases.map((c) => ({ ...c, registeredAt: new Date(c.registeredAt).toISOString() })),
      contacts: contacts.map((c) => ({ caseNumber: c.caseNumber, kind: c.kind, channel: c.channel, note: c.note, at: c.at.toISOString() })),
    };
  }
}

interface ResidentCase {
  caseNumber: string;
  channel: Channel;
  title: string;
  status: string;
  disposition: string;
  mergedInto: string | null;
  registeredAt: string;
  rating: string | null;
}

export interface ResidentProfile {
  id: string;
  name: string;
  phone: string;
  idNumber: string | null;
  phoneVerified: boolean;
  firstSeenAt: string;
  lastSeenAt: string;
  repeatRequester: boolean;
  cases: ResidentCase[];
  contacts: { caseNumber: string; kind: ContactKind; channel: Channel | null; note: string | null; at: string }[];
}
