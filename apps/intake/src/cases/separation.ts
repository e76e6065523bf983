import { DomainError, conflict } from '@fq/domain';
import type { CaseRecord } from '../shared/case.entity';

type Member = Pick<CaseRecord, 'number' | 'status' | 'disposition' | 'mergedInto' | 'clusterId'>;

/**
 * Why a case cannot be separated from a cluster (拆单), or null when it can: only an open request
 * merged into another case's cluster leaves it. The lead is the cluster's own case.
 */
export function cannotSeparate(c: Member): DomainError | null {
  if (c.disposition === 'merged' && c.mergedInto) {
    if (c.status === 'closed' || c.status === 'withdrawn') {
      return conflict('CASE_ENDED', `Case ${c.number} is already ${c.status} with its lead ${c.mergedInto}; if its matter was never handled, register it again with "separate": true.`);
    }
    return null;
  }
  if (c.clusterId) {
    return conflict('CASE_IS_CLUSTER_LEAD', `Case ${c.number} leads its cluster and has its own workflow; separate the members that are a different matter instead (GET /api/v1/clusters/${c.clusterId}).`);
  }
  return conflict('CASE_NOT_MERGED', `Case ${c.number} is not merged into a cluster (it is ${c.disposition}); only a merged request can be separated.`);
}
