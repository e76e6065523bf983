import { CaseRecord } from './case.entity';

/** Masks all but the first 3 and last 4 digits: 13812345678 -> 138****5678. */
export const maskPhone = (phone: string) => (phone.length > 7 ? `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}` : '****');

/** What the API shows of a case; the requester's phone leaves masked. */
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
    level: c.level,
    unit: { code: c.unitCode, name: c.unitName },
    resolveBy: c.resolveBy?.toISOString() ?? null,
    overdue: c.overdue,
    reopenCount: c.reopenCount,
    workOrderId: c.workOrderId,
    requester: { name: c.requesterName, phone: maskPhone(c.requesterPhone) },
    registeredAt: c.registeredAt.toISOString(),
    assignedAt: c.assignedAt?.toISOString() ?? null,
  };
}

export type CaseView = ReturnType<typeof caseView>;
