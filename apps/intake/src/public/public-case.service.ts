import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CASE_NUMBER_PATTERN, notFound } from '@fq/domain';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseRecord } from '../shared/case.entity';
import { CaseFeedbackService } from '../cases/case-feedback.service';
import { hashQueryCode } from '../shared/query-code';
import { Rating } from '@fq/workflows';

/** Same answer for an unknown number and a wrong code: the pair is the key, nothing leaks. */
const noSuchCase = () => notFound('CASE_NOT_FOUND', 'No case has this number and query code. Check both against the message you got when you reported it.');

/** A resident's view of their case by number + query code, without an account. */
@Injectable()
export class PublicCaseService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly feedback: CaseFeedbackService,
  ) {}

  /** The file counts the days a resident looked their case up, not every page load: one row a day. */
  private async noteLookup(caseNumber: string, residentId: string | null): Promise<void> {
    await this.ds.query(
      `INSERT INTO intake.case_contacts (id, case_number, resident_id, kind, at)
       SELECT $1, $2, $3, 'lookup', now()
       WHERE NOT EXISTS (SELECT 1 FROM intake.case_contacts WHERE case_number = $2 AND kind = 'lookup' AND at > now() - interval '1 day')`,
      [randomUUID(), caseNumber, residentId],
    );
  }

  async look(number: string, code: string) {
    const c = await this.open(number, code);
    const shown = c.mergedInto ? await this.ds.getRepository(CaseRecord).findOneByOrFail({ number: c.mergedInto }) : c;
    const steps: { kind: string; at: Date; unit_code: string; details: Record<string, unknown> }[] = await this.ds.query(
      `SELECT kind, at, unit_code, details FROM intake.case_progress WHERE case_number = $1 AND kind IN ('signed', 'escalated', 'replied', 'rated', 'reopened', 'closed', 'withdrawn') ORDER BY at`,
      [shown.number],
    );
    const reply = [...steps].reverse().find((s) => s.kind === 'replied');
    await this.noteLookup(c.number, c.residentId);
    return {
      caseNumber: c.number,
      title: c.title,
      status: c.disposition === 'dispatched' || c.disposition === 'merged' ? (c.status === 'withdrawn' ? c.status : shown.status) : 'closed',
      disposition: c.disposition,
      dispositionReason: c.dispositionReason,
      mergedInto: c.mergedInto,
      handledBy: { level: shown.level, unit: shown.unitName },
      resolveBy: shown.resolveBy?.toISOString() ?? null,
      registeredAt: c.registeredAt.toISOString(),
      reply: reply ? { result: reply.details.result ?? null, at: reply.at.toISOString() } : null,
      canRate: c.mergedInto ? await this.memberCanRate(c, shown) : shown.status === 'replied' || shown.status === 'callback',
      history: steps.map((s) => ({ kind: s.kind, at: s.at.toISOString() })),
    };
  }

  /** A member rates its lead's reply once, its own request still open (ADR 0016). */
  private async memberCanRate(c: CaseRecord, lead: CaseRecord): Promise<boolean> {
    if (c.status === 'withdrawn' || !['replied', 'callback', 'closed'].includes(lead.status)) return false;
    const [rated] = await this.ds.query(`SELECT 1 FROM intake.case_contacts WHERE case_number = $1 AND kind = 'rating' LIMIT 1`, [c.number]);
    return !rated;
  }

  async rate(number: string, code: string, rating: Rating) {
    const c = await this.open(number, code);
    return this.feedback.rateAsRequester(c, rating);
  }

  private async open(number: string, code: string): Promise<CaseRecord> {
    if (!CASE_NUMBER_PATTERN.test(number)) throw noSuchCase();
    const c = await this.ds.getRepository(CaseRecord).findOneBy({ number });
    if (!c?.queryCodeHash) throw noSuchCase();
    const given = Buffer.from(hashQueryCode(number, code));
    const kept = Buffer.from(c.queryCodeHash);
    if (given.length !== kept.length || !timingSafeEqual(given, kept)) throw noSuchCase();
    return c;
  }
}
