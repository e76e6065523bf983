import { DEMO_DISTRICT_CODE } from '@fq/domain';
import { KafkaProbe, api, eventually, tokenFor } from '@fq/testing';
import { System, startSystem } from './system';

/** A running system as the intake desk sees it: a Kafka probe, the hotline operator's and the district centre's tokens. */
export interface IntakeDesk {
  sys: System;
  probe: KafkaProbe;
  operator: string;
  centre: string;
}

export async function openIntakeDesk(topics: string[]): Promise<IntakeDesk> {
  const sys = await startSystem();
  const probe = await new KafkaProbe(topics).start();
  return {
    sys,
    probe,
    operator: tokenFor(sys.intake, 'operator', ['operator'], DEMO_DISTRICT_CODE),
    centre: tokenFor(sys.intake, 'dispatcher', ['district_centre'], DEMO_DISTRICT_CODE),
  };
}

export async function closeIntakeDesk(desk: Partial<IntakeDesk>): Promise<void> {
  await desk.probe?.stop();
  await desk.sys?.stop();
}

/** The centre's view of a case and waits on its workflow; `desk` is read at each call (it is set in beforeAll). */
export function caseWatch(desk: () => Pick<IntakeDesk, 'sys' | 'centre'>) {
  const view = (n: string) => api(`${desk().sys.intake.url}/api/v1/cases/${n}`, desk().centre).then((r) => r.body);
  return {
    view,
    assigned: (n: string) => eventually(`case ${n} assigned by its workflow`, async () => ((await view(n)).status === 'assigned' ? view(n) : undefined)),
    workflowRunning: async (n: string) => (await desk().sys.temporal.workflow.getHandle(`case-${n}`).describe()).status.name,
  };
}
