import { DEMO_DISTRICT_CODE } from '@fq/domain';
import { OutboxMessage } from '@fq/events';
import { TemporalDispatcher } from '@fq/temporal';
import { api, eventually, tokenFor } from '@fq/testing';
import { freshPhone, northOf } from '../support/requests';
import { System, startSystem } from '../support/system';

/** The outbox may deliver a "start caseWorkflow" twice (a relay that crashed after the start, before marking the row). */
describe('a redelivered workflow start', () => {
  let sys: System;
  beforeAll(async () => (sys = await startSystem()));
  afterAll(() => sys?.stop());

  it('starts no new run for a case whose workflow already finished', async () => {
    const operator = tokenFor(sys.intake, 'operator', ['operator'], DEMO_DISTRICT_CODE);
    const res = await api(`${sys.intake.url}/api/v1/cases`, operator, {
      body: { channel: 'hotline', title: '楼下饭店油烟扰民', description: '楼下饭店油烟直排，家里窗户都不敢开', category: 'C03-01', size: 'small', location: northOf(6, -600), requester: { name: '韩雪', phone: freshPhone('187') }, separate: true },
    });
    expect(res.status).toBe(201);
    const { caseNumber } = res.body as { caseNumber: string };
    const handle = sys.temporal.workflow.getHandle(`case-${caseNumber}`);
    await eventually('the workflow running', async () => ((await handle.describe().catch(() => undefined))?.status.name === 'RUNNING' ? true : undefined));
    await handle.terminate('finished for the test');
    const { runId } = await handle.describe();

    const rows: OutboxMessage[] = await sys.db.query(`SELECT * FROM intake.outbox WHERE destination = 'temporal' AND key = $1`, [caseNumber]);
    expect(rows).toHaveLength(1);
    const redelivered = await sys.intake.app.get(TemporalDispatcher).deliver(rows);
    expect(redelivered).toEqual({ delivered: 1 });
    const after = await handle.describe();
    expect([after.runId, after.status.name]).toEqual([runId, 'TERMINATED']);
  });
});
