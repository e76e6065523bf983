import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal } from '@fq/auth';
import { conflict } from '@fq/domain';
import { TemporalClient } from '@fq/temporal';
import { CaseState, Rating, rateUpdate, withdrawUpdate } from '@fq/workflows';
import { DataSource } from 'typeorm';
import { ResidentsService } from '../residents/residents.service';
import { CaseRecord } from '../shared/case.entity';
import { MemberFeedback, MemberRating, MemberWithdrawal } from './member-feedback';

/** The requester's word on a case: a rating of the reply, or withdrawing it. A dispatched case's goes to its workflow; a cluster member's stays with it. */
@Injectable()
export class CaseFeedbackService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly temporal: TemporalClient,
    private readonly residents: ResidentsService,
    private readonly members: MemberFeedback,
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

  /** A cluster member (并单) is withdrawn on its own: its lead and the other members carry on. */
  async withdraw(caseNumber: string, user: Principal, reason: string): Promise<CaseState | MemberWithdrawal> {
    const c = await this.ds.getRepository(CaseRecord).findOneBy({ number: caseNumber });
    if (c?.disposition === 'merged' && c.mergedInto) return this.members.withdraw(c.number, user.login, reason);
    return this.temporal.onCase(caseNumber, (h) => h.executeUpdate(withdrawUpdate, { args: [{ by: user.login, reason }] }));
  }

  /**
   * A dispatched case's rating goes to its workflow; a closed or withdrawn one answers 409 (its
   * workflow has ended: that is not a wrong query code). A cluster member's rating is its
   * requester's own, checked and kept on the member (`MemberFeedback`). Not-dispatched requests
   * have nothing to rate.
   */
  private async rateCase(c: CaseRecord, rating: Rating, by: 'requester' | 'callback'): Promise<CaseState | MemberRating> {
    if (c.disposition !== 'dispatched' && c.disposition !== 'merged') {
      throw conflict('NOTHING_TO_RATE', `Case ${c.number} was not dispatched (${c.disposition}): there is no handling to rate.`);
    }
    if (c.mergedInto) return this.members.rate(c.number, rating);
    if (c.status === 'closed' || c.status === 'withdrawn') {
      throw conflict('CASE_ENDED', `Case ${c.number} is already ${c.status}: its handling has ended and it can no longer be rated.`);
    }
    const state = await this.temporal.onCase(c.number, (h) => h.executeUpdate(rateUpdate, { args: [{ rating, by }] }));
    await this.residents.contact(this.ds.manager, { caseNumber: c.number, residentId: c.residentId, kind: 'rating', note: rating });
    return state;
  }
}
