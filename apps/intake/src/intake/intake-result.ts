import type { CaseRecord } from '../shared/case.entity';
import type { TriageOutcome } from '../shared/triage-outcome';
import type { IntakeResult } from './intake-request';

/** What intake answers about the case a request now belongs to. */
export function intakeResult(c: CaseRecord, queryCode: string | null, disposition: IntakeResult['disposition'], triage: TriageOutcome, repeatRequester: boolean, attached = false): IntakeResult {
  const handled = c.disposition === 'dispatched' || c.disposition === 'merged';
  return {
    caseNumber: c.number,
    queryCode,
    disposition,
    status: c.status,
    mergedInto: c.mergedInto,
    clusterId: c.clusterId,
    gridCode: c.gridCode,
    level: handled ? c.level : null,
    unit: handled ? { code: c.unitCode, name: c.unitName } : null,
    repeatRequester,
    triage,
    attachedTo: attached ? c.number : null,
    located: c.triage?.located ?? { by: c.lat !== null ? 'coordinates' : 'none' },
  };
}
