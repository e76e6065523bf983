import { Injectable } from '@nestjs/common';
import { Principal } from '@fq/auth';
import { TemporalClient, callWorkflow } from '@fq/temporal';
import * as wf from '@fq/workflows';
import type { UpdateDefinition } from '@temporalio/common';

/** The workbench's actions on a case: each is an Update on its workflow, refused there if it does not fit. */
@Injectable()
export class CaseActionsService {
  constructor(private readonly temporal: TemporalClient) {}

  update<A>(caseNumber: string, def: UpdateDefinition<wf.CaseState, [A]>, input: A): Promise<wf.CaseState> {
    return this.temporal.onCase(caseNumber, (h) => h.executeUpdate(def, { args: [input] }));
  }

  state(caseNumber: string): Promise<wf.CaseState> {
    return this.temporal.onCase(caseNumber, (h) => h.query(wf.caseStateQuery));
  }

  supervise(caseNumber: string, user: Principal, input: Omit<wf.SuperviseInput, 'by'>): Promise<void> {
    return this.temporal.onCase(caseNumber, (h) => h.signal(wf.superviseSignal, { ...input, by: user.login }));
  }

  conference(caseNumber: string, round: number) {
    const handle = this.temporal.client.workflow.getHandle(wf.conferenceWorkflowId(caseNumber, round));
    const notFound = { notFoundCode: 'CONFERENCE_NOT_FOUND', notFoundMessage: `Case ${caseNumber} has no conference round ${round}.` };
    return {
      report: (user: Principal, report: string) => callWorkflow(notFound, () => handle.executeUpdate(wf.reportUpdate, { args: [{ unitCode: user.unitCode, by: user.login, report }] })),
      decide: (user: Principal, input: Omit<wf.DecideInput, 'by'>) => callWorkflow(notFound, () => handle.executeUpdate(wf.decideUpdate, { args: [{ ...input, by: user.login }] })),
      state: () => callWorkflow(notFound, () => handle.query(wf.conferenceStateQuery)),
    };
  }
}
