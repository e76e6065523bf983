import { DEMO_DISTRICT_CODE, DEMO_POINTS } from '@fq/domain';
import { KafkaProbe, api, eventually, startServer, stopServer, tokenFor } from '@fq/testing';
import { System, startSystem } from '../support/system';

/** Restarting a server and waiting for everyone to reconnect takes a while on 2 busy cores. */
const RESTART_TIMEOUT = 240_000;

/** An accepted case survives Kafka or Temporal being down: delayed, never dropped, never doubled. */
describe('durability of an accepted case', () => {
  let sys: System;
  let operator: string;

  beforeAll(async () => {
    sys = await startSystem();
    operator = tokenFor(sys.intake, 'operator', ['operator'], DEMO_DISTRICT_CODE);
  });

  afterAll(async () => {
    await sys?.stop();
  });

  const register = async () => {
    const res = await api(`${sys.intake.url}/api/v1/cases`, operator, {
      body: { channel: 'web', title: '噪声扰民', description: '夜间施工噪声', location: DEMO_POINTS[2].point, requester: { name: '李明', phone: '13900001111' }, separate: true },
    });
    expect(res.status).toBe(201);
    return res.body.caseNumber as string;
  };
  const outbox = (caseNumber: string, destination: string) =>
    sys.db.query(`SELECT delivered_at, attempts FROM intake.outbox WHERE key = $1 AND destination = $2`, [caseNumber, destination]);
  const assigned = (caseNumber: string) =>
    eventually(`case ${caseNumber} to be assigned`, async () => {
      const r = await api(`${sys.intake.url}/api/v1/cases/${caseNumber}`, operator);
      return r.body.status === 'assigned' ? r.body : undefined;
    }, 120_000);

  it('accepts a case while Kafka is down and publishes its event exactly once when Kafka is back', async () => {
    await stopServer('kafka');
    let caseNumber: string;
    try {
      caseNumber = await register();
      // Intake says Kafka is down, yet stays ready: cases wait in its outbox.
      const health = await api(`${sys.intake.url}/health`, undefined);
      expect([health.status, health.body.dependencies.kafka.status]).toEqual([503, 'down']);
      expect((await api(`${sys.intake.url}/health/ready`, undefined)).status).toBe(200);
      // The relay has tried and failed: the event waits in the outbox.
      await eventually('a failed delivery attempt', async () => {
        const [row] = await outbox(caseNumber, 'kafka');
        return row && row.attempts > 0 && row.delivered_at === null ? row : undefined;
      });
    } finally {
      await startServer('kafka');
    }
    await assigned(caseNumber);
    const probe = await new KafkaProbe(['fq.case.v1']).start();
    try {
      await eventually('both events', async () => (probe.matching((m) => m.key === caseNumber).length >= 2 ? true : undefined), 60_000);
      const [row] = await outbox(caseNumber, 'kafka');
      expect(row.delivered_at).not.toBeNull();
      await new Promise((r) => setTimeout(r, 2000)); // room for a duplicate to show up, if any
      const types = probe.matching((m) => m.key === caseNumber).map((m) => m.json().type);
      expect(types).toEqual(['case.registered', 'case.assigned']);
    } finally {
      await probe.stop();
    }
  }, RESTART_TIMEOUT);

  it('accepts a case while Temporal is down and starts its workflow exactly once when Temporal is back', async () => {
    await stopServer('temporal');
    let caseNumber: string;
    try {
      caseNumber = await register();
      await eventually('a failed start attempt', async () => {
        const [row] = await outbox(caseNumber, 'temporal');
        return row && row.attempts > 0 && row.delivered_at === null ? row : undefined;
      });
    } finally {
      await startServer('temporal');
    }
    const view = await assigned(caseNumber);
    expect(view.unit.code).toBe(DEMO_POINTS[2].gridCode);
    const executions: { status: { name: string } }[] = [];
    await eventually('the workflow in visibility', async () => {
      executions.length = 0;
      for await (const wf of sys.temporal.workflow.list({ query: `WorkflowId = 'case-${caseNumber}'` })) executions.push(wf);
      return executions.length ? true : undefined;
    });
    expect(executions).toHaveLength(1);
    expect(executions[0].status.name).toBe('RUNNING');
    const [row] = await outbox(caseNumber, 'temporal');
    expect(row.delivered_at).not.toBeNull();
  }, RESTART_TIMEOUT);
});
