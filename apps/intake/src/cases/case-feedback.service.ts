import { Injectable } from '@nestjs/common';
import { Principal } from '@fq/auth';
import { TemporalClient } from '@fq/temporal';
import { CaseState, Rating, rateUpdate, withdrawUpdate } from '@fq/workflows';

/** The requester's word on a case: a rating of the reply, or withdrawing it. Both go to the case's workflow. */
@Injectable()
export class CaseFeedbackService {
  constructor(private readonly temporal: TemporalClient) {}

  rate(caseNumber: string, user: Principal, rating: Rating): Promise<CaseState> {
    // A resident rates their own case; an operator records the result of a callback (回访).
    const by = user.roles.includes('resident') ? 'requester' : 'callback';
    return this.temporal.onCase(caseNumber, (h) => h.executeUpdate(rateUpdate, { args: [{ rating, by }] }));
  }

  withdraw(caseNumber: string, user: Principal, reason: string): Promise<CaseState> {
    return this.temporal.onCase(caseNumber, (h) => h.executeUpdate(withdrawUpdate, { args: [{ by: user.login, reason }] }));
  }
}
