import type { Whereabouts } from '../org/address-book';
import { hashQueryCode } from '../shared/query-code';
import { CaseRecord, TriageRecord } from '../shared/case.entity';
import type { Assessment } from './request-assessor';
import type { IntakeRequest } from './intake-request';

/** What the case keeps of how its place was found. */
function locatedRecord(w: Whereabouts): TriageRecord['located'] {
  if (w.by === 'address') return { by: 'address', matched: w.matched, addressId: w.addressId };
  if (w.by === 'none' && w.ambiguous) return { by: 'none', ambiguous: w.ambiguous };
  return { by: w.by };
}

export interface NewCase {
  req: IntakeRequest;
  a: Assessment;
  number: string;
  now: Date;
  /** The cluster's lead it joins (its row locked), if any. */
  lead?: CaseRecord;
  by: string;
  correlationId: string;
  queryCode: string | null;
  residentId: string | null;
  /** The requester's phone and ID number, sealed and masked. */
  sealed: Pick<CaseRecord, 'requesterPhoneSealed' | 'requesterPhoneMasked' | 'requesterIdSealed' | 'requesterIdMasked'> | null;
}

/** The row of a new case: handled by its plan, or by its cluster's lead (whose handling it shows as it is now), or recorded closed. */
export function newCaseRecord({ req, a, lead, ...n }: NewCase): CaseRecord {
  const { triage, placement, plan, where } = a;
  const handler = lead ? { level: lead.level, unit: { code: lead.unitCode, name: lead.unitName } } : (plan ?? { level: placement.grid ? 'grid' : 'district', unit: placement.unit });
  return Object.assign(new CaseRecord(), {
    number: n.number,
    channel: req.channel,
    title: req.title,
    description: req.description,
    categoryCode: triage.categoryCode,
    urgency: triage.urgency,
    lat: where.location?.lat ?? null,
    lng: where.location?.lng ?? null,
    address: where.location?.address ?? req.address ?? null,
    requesterName: req.requester?.name ?? null,
    residentId: n.residentId,
    ...(n.sealed ?? {}),
    phoneVerified: req.requester?.phoneVerified ?? false,
    gridCode: placement.grid?.code ?? null,
    level: handler.level,
    status: req.outcome ? 'closed' : lead ? lead.status : 'registered',
    unitCode: handler.unit.code,
    unitName: handler.unit.name,
    workOrderId: null,
    registeredBy: n.by,
    correlationId: n.correlationId,
    registeredAt: n.now,
    assignedAt: lead?.assignedAt ?? null,
    resolveBy: lead?.resolveBy ?? null,
    overdue: lead?.overdue ?? false,
    queryCodeHash: n.queryCode ? hashQueryCode(n.number, n.queryCode) : null,
    sizeClass: triage.size,
    reportUpward: triage.reportUpward,
    departmentMatter: plan?.departmentMatter ?? false,
    triage: {
      suggestedCategory: triage.suggestion ? { code: triage.suggestion.code, confidence: triage.suggestion.confidence } : null,
      categorySource: triage.categorySource,
      reasons: triage.reasons,
      detected: triage.detected,
      operator: triage.operator,
      ...(plan ? { dispatch: { entryId: plan.entryId, reason: plan.reason } } : {}),
      located: locatedRecord(where),
    },
    disposition: req.outcome?.kind ?? (lead ? 'merged' : 'dispatched'),
    dispositionReason: req.outcome?.reason ?? null,
    handOff: req.outcome?.handOff ?? null,
    clusterId: lead?.clusterId ?? null,
    mergedInto: lead?.number ?? null,
    details: req.details ?? null,
  });
}
