import { CaseRecord } from '../shared/case.entity';

/** What staff see of a case; phone and ID numbers leave masked (they are sealed at rest). */
export function caseView(c: CaseRecord) {
  return {
    caseNumber: c.number,
    status: c.status,
    channel: c.channel,
    title: c.title,
    description: c.description,
    categoryCode: c.categoryCode,
    location: placeOf(c),
    gridCode: c.gridCode,
    urgency: c.urgency,
    size: c.sizeClass,
    reportUpward: c.reportUpward,
    departmentMatter: c.departmentMatter,
    disposition: c.disposition,
    dispositionReason: c.dispositionReason,
    handOff: c.handOff,
    clusterId: c.clusterId,
    mergedInto: c.mergedInto,
    triage: c.triage,
    level: c.level,
    unit: { code: c.unitCode, name: c.unitName },
    resolveBy: c.resolveBy?.toISOString() ?? null,
    overdue: c.overdue,
    reopenCount: c.reopenCount,
    workOrderId: c.workOrderId,
    requester: c.requesterName === null ? null : { name: c.requesterName, phone: c.requesterPhoneMasked, idNumber: c.requesterIdMasked, phoneVerified: c.phoneVerified, residentId: c.residentId },
    details: c.details,
    separation: c.separation,
    registeredAt: c.registeredAt.toISOString(),
    assignedAt: c.assignedAt?.toISOString() ?? null,
  };
}

/** Coordinates with their address; an address alone when only that is known (no grid could be found from it). */
function placeOf(c: CaseRecord): { lat: number | null; lng: number | null; address: string | null } | null {
  if (c.lat !== null && c.lng !== null) return { lat: c.lat, lng: c.lng, address: c.address };
  return c.address ? { lat: null, lng: null, address: c.address } : null;
}

export type CaseView = ReturnType<typeof caseView>;
