import { publishEvent } from '@fq/events';
import { EntityManager } from 'typeorm';
import type { CaseRecord } from '../shared/case.entity';
import type { TriageOutcome } from '../shared/triage-outcome';

export const intakeContext = (correlationId: string) => ({ producer: 'intake', correlationId, causationId: correlationId });

/** `case.registered`, in the transaction that records the case. */
export async function announceRegistered(m: EntityManager, c: CaseRecord, triage: TriageOutcome, correlationId: string): Promise<void> {
  await publishEvent(
    m,
    'case.registered',
    {
      caseNumber: c.number,
      channel: c.channel,
      title: c.title,
      categoryCode: c.categoryCode,
      location: c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng, address: c.address } : null,
      gridCode: c.gridCode,
      level: c.level,
      unitCode: c.unitCode,
      registeredAt: c.registeredAt.toISOString(),
      urgency: triage.urgency,
      size: triage.size,
      reportUpward: triage.reportUpward,
      disposition: c.disposition,
      dispositionReason: c.dispositionReason,
      handOff: c.handOff,
      mergedInto: c.mergedInto,
      clusterId: c.clusterId,
    },
    intakeContext(correlationId),
    { caseNumber: c.number },
  );
}
