import { CaseRecord } from './case.entity';

/** What staff see of a case; phone and ID numbers leave masked (they are sealed at rest). */
export function caseView(c: CaseRecord) {
  return {
    caseNumber: c.number,
    status: c.status,
    channel: c.channel,
    title: c.title,
    description: c.description,
    categoryCode: c.categoryCode,
    location: c.lat === null || c.lng === null ? null : { lat: c.lat, lng: c.lng, address: c.address },
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
    registeredAt: c.registeredAt.toISOString(),
    assignedAt: c.assignedAt?.toISOString() ?? null,
  };
}

export type CaseView = ReturnType<typeof caseView>;
