import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { conflict } from '@fq/domain';
import { publishEvent } from '@fq/events';
import { Rating } from '@fq/workflows';
import { DataSource } from 'typeorm';
import { ResidentsService } from '../residents/residents.service';
import { CaseRecord } from '../shared/case.entity';

export interface MemberRating {
  caseNumber: string;
  mergedInto: string;
  rating: Rating;
  recorded: true;
}

export interface MemberWithdrawal {
  caseNumber: string;
  mergedInto: string;
  status: 'withdrawn';
}

/** A lead whose reply a member's requester may rate: replied, waiting for a callback, or closed by its own requester. */
const ANSWERED = ['replied', 'callback', 'closed'];

/**
 * A cluster member (并单) has no workflow, but its requester's word is their own (ADR 0016): they
 * rate the reply once, and that rating is kept on the member (their file shows it); they may
 * withdraw their request while it is open, which leaves the lead and the others as they are.
 */
@Injectable()
export class MemberFeedback {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly residents: ResidentsService,
  ) {}

  rate(number: string, rating: Rating): Promise<MemberRating> {
    return this.ds.transaction(async (m) => {
      // Locked: two ratings sent at once are one rating and one refusal.
      const c = await m.findOneOrFail(CaseRecord, { where: { number }, lock: { mode: 'pessimistic_write' } });
      const lead = await m.findOneByOrFail(CaseRecord, { number: c.mergedInto as string });
      if (c.status === 'withdrawn') throw conflict('CASE_ENDED', `Case ${c.number} was withdrawn: there is no reply to rate.`);
      if (!ANSWERED.includes(lead.status)) {
        throw conflict('NOT_REPLIED_YET', `Case ${c.number} is handled together with ${lead.number}, which has no reply to rate yet.`);
      }
      const [earlier] = await m.query(`SELECT note, at FROM intake.case_contacts WHERE case_number = $1 AND kind = 'rating' ORDER BY at LIMIT 1`, [c.number]);
      if (earlier) {
        throw conflict('ALREADY_RATED', `Case ${c.number} was already rated (${earlier.note}) on ${new Date(earlier.at).toISOString()}: each requester rates the reply once.`);
      }
      await this.residents.contact(m, { caseNumber: c.number, residentId: c.residentId, kind: 'rating', note: rating });
      return { caseNumber: c.number, mergedInto: lead.number, rating, recorded: true as const };
    });
  }

  withdraw(number: string, by: string, reason: string): Promise<MemberWithdrawal> {
    return this.ds.transaction(async (m) => {
      const c = await m.findOneOrFail(CaseRecord, { where: { number }, lock: { mode: 'pessimistic_write' } });
      if (c.status === 'closed' || c.status === 'withdrawn' || c.status === 'replied' || c.status === 'callback') {
        throw conflict('CASE_NOT_WITHDRAWABLE', `Case ${c.number} is ${c.status} with its lead ${c.mergedInto}: only a request still being handled can be withdrawn.`);
      }
      const at = new Date();
      await m.update(CaseRecord, { number }, { status: 'withdrawn', updatedAt: at });
      const ctx = { producer: 'intake', correlationId: c.correlationId, causationId: c.correlationId };
      const data = { caseNumber: c.number, level: c.level, unitCode: c.unitCode, unitName: c.unitName, status: 'withdrawn' as const, at: at.toISOString(), resolveBy: c.resolveBy?.toISOString() ?? null, overdue: c.overdue, details: { status: 'withdrawn' as const, by, reason, mergedInto: c.mergedInto ?? undefined } };
      await publishEvent(m, 'case.withdrawn', data, ctx, { caseNumber: c.number });
      return { caseNumber: c.number, mergedInto: c.mergedInto as string, status: 'withdrawn' as const };
    });
  }
}
