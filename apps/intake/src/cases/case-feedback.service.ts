import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal } from '@fq/auth';
import { conflict } from '@fq/domain';
import { TemporalClient } from '@fq/temporal';
import { CaseState, Rating, rateUpdate, withdrawUpdate } from '@fq/workflows';
import { DataSource } from 'typeorm';
import { ResidentsService } from '../residents/residents.service';
import { CaseRecord } from '../shared/case.entity';

/** The requester's word on a case: a rating of the reply, or withdrawing it. Both go to the case's workflow. */
@Injectable()
export class CaseFeedbackService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly temporal: TemporalClient,
    private readonly residents: ResidentsService,
  ) {}

  async rate(caseNumber: string, user: Principal, rating: Rating): Promise<CaseState | MemberRating> {
    const c = await this.ds.getRepository(CaseRecord).findOneBy({ number: caseNumber });
    // A resident rates their own case; an operator records the result of a callback (回访).
    const by = user.roles.includes('resident') ? 'requester' : 'callback';
    if (c) return this.rateCase(c, rating, by);
    return this.temporal.onCase(caseNumber, (h) => h.executeUpdate(rateUpdate, { args: [{ rating, by }] }));
  }

  rateAsRequester(c: CaseRecord, rating: Rating): Promise<CaseState | MemberRating> {
    return this.rateCase(c, rating, 'requester');
  }

  withdraw(caseNumber: string, user: Principal, reason: string): Promise<CaseState> {
    return this.temporal.onCase(caseNumber, (h) => h.executeUpdate(withdrawUpdate, { args: [{ by: user.login, reason }] }));
  }

  /**
   * A dispatched case's rating goes to its workflow. A cluster member was handled by the lead:
   * its requester's rating is kept in their file (and counts for assessment) but does not move
   * the lead, which its own requester rates. Not-dispatched requests have nothing to rate.
   */
  private async rateCase(c: CaseRecord, rating: Rating, by: 'requester' | 'callback'): Promise<CaseState | MemberRating> {
    if (c.disposition !== 'dispatched' && c.disposition !== 'merged') {
      throw conflict('NOTHING_TO_RATE', `Case ${c.number} was not dispatched (${c.disposition}): there is no handling to rate.`);
    }
    if (c.mergedInto) {
      const lead = await this.ds.getRepository(CaseRecord).findOneByOrFail({ number: c.mergedInto });
      if (lead.status !== 'replied' && lead.status !== 'callback' && lead.status !== 'closed') {
        throw conflict('NOT_REPLIED_YET', `Case ${c.number} is handled together with ${lead.number}, which has no reply to rate yet.`);
      }
      await this.residents.contact(this.ds.manager, { caseNumber: c.number, residentId: c.residentId, kind: 'rating', note: rating });
      return { caseNumber: c.number, mergedInto: lead.number, rating, recorded: true };
    }
    const state = await this.temporal.onCase(c.number, (h) => h.executeUpdate(rateUpdate, { args: [{ rating, by }] }));
    await this.residents.contact(this.ds.manager, { caseNumber: c.number, residentId: c.residentId, kind: 'rating', note: rating });
    return state;
  }
}

export interface MemberRating {
  caseNumber: string;
  mergedInto: string;
  rating: Rating;
  recorded: true;
}
