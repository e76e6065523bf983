import { Injectable } from '@nestjs/common';
import { Principal } from '@fq/auth';
import { caseWorkflowId } from '@fq/domain';
import { TemporalClient, callWorkflow } from '@fq/temporal';
import { CaseState, Rating, rateUpdate, withdrawUpdate } from '@fq/workflows';

/** The requester's word on a case: a rating of the reply, or withdrawing it. Both go to the case's workflow. */
@Injectable()
export class CaseFeedbackService {
  constructor(private readonly temporal: TemporalClient) {}

  rate(caseNumber: string, user: Principal, rating: Rating): Promise<CaseState> {
    // A resident rates their own case; an operator records the result of a callback (回访).
    const by = user.roles.includes('resident') ? 'requester' : 'callback';
    return this.call(caseNumber, (h) => h.executeUpdate(rateUpdate, { args: [{ rating, by }] }));
  }

  withdraw(caseNumber: string, user: Principal, reason: string): Promise<CaseState> {
    return this.call(caseNumber, (h) => h.executeUpdate(withdrawUpdate, { args: [{ by: user.login, reason }] }));
  }

  private call(caseNumber: string, fn: (h: ReturnType<TemporalClient['client']['workflow']['getHandle']>) => Promise<CaseState>) {
    const handle = this.temporal.client.workflow.getHandle(caseWorkflowId(caseNumber));
    return callWorkflow({ notFoundCode: 'CASE_NOT_FOUND', notFoundMessage: `No case ${caseNumber} is being handled.` }, () => fn(handle));
  }
}
