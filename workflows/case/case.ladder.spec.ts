import { WorkflowUpdateFailedError } from '@temporalio/client';
import { conferenceWorkflowId, reportUpdate } from '../conference/conference.messages';
import { CHAIN, LadderHarness, policy } from '../testing/ladder-harness';
import { applyPolicySignal, conveneUpdate, rateUpdate, replyUpdate, returnUpdate, signUpdate } from './case.messages';

jest.setTimeout(120_000);
const h = new LadderHarness();
beforeAll(() => h.start());
afterAll(() => h.stop());

const GRID = CHAIN.grid!.code;
const D = CHAIN.district.code;
const by = 'worker';

describe('caseWorkflow carries out what the ladder decides', () => {
  it('waits loudly when no SLA policy can be resolved, retries, and starts once a rule set is in force', async () => {
    const c = await h.startCase(undefined);
    await h.until(c.state, () => h.kinds(c.caseNumber).includes('sla-policy-missing'), 'the sla-policy-missing record');
    expect(h.progress.get(c.caseNumber)?.[0]).toMatchObject({ kind: 'sla-policy-missing', details: { status: 'registered', reason: expect.stringContaining('No SLA rule set') } });
    expect(await c.handle.describe()).toMatchObject({ status: { name: 'RUNNING' } });
    h.policies.set(c.caseNumber, policy());
    await h.env.sleep('6 minutes');
    const s = await h.until(c.state, (x) => x.status === 'assigned', 'assignment after the retry');
    expect(s).toMatchObject({ level: 'grid', policy: { ruleSetId: 'rs-test' } });
    expect(h.kinds(c.caseNumber)).toEqual(['sla-policy-missing']);
    await h.record(c.handle, 'case-policy-missing');
  });

  it('wakes a case waiting for its policy when a rule set is applied to it', async () => {
    const c = await h.startCase(undefined);
    await h.until(c.state, () => h.kinds(c.caseNumber).includes('sla-policy-missing'), 'the sla-policy-missing record');
    await c.handle.signal(applyPolicySignal, { policy: policy({}, { version: 7 }), appliedBy: 'admin' });
    const s = await h.until(c.state, (x) => x.status === 'assigned', 'assignment');
    expect(s.policy?.version).toBe(7);
  });

  it('answers exactly one of two conflicting Updates sent together; the other is refused with the state’s code', async () => {
    const c = await h.startCase(policy());
    await h.until(c.state, (s) => s.status === 'assigned', 'assignment');
    await c.handle.executeUpdate(signUpdate, { args: [{ by, unitCode: GRID }] });
    const both = await Promise.allSettled([
      c.handle.executeUpdate(replyUpdate, { args: [{ by, unitCode: GRID, result: '已处理' }] }),
      c.handle.executeUpdate(returnUpdate, { args: [{ by, unitCode: GRID, reason: '不归我们' }] }),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((refused.reason.cause as { type?: string }).type).toBe('CASE_NOT_IN_HANDLING');
  });

  it('sends a leader case rated unsatisfied past the reopen limit back to the leader’s desk', async () => {
    const c = await h.startCase(policy({}, { reopenLimit: 0 }), { level: 'leader', unit: { code: D, name: '领导包案' } });
    await h.until(c.state, (s) => s.status === 'assigned', 'assignment');
    await c.handle.executeUpdate(signUpdate, { args: [{ by, unitCode: D }] });
    await c.handle.executeUpdate(replyUpdate, { args: [{ by, unitCode: D, result: '已处理' }] });
    const reopened = await c.handle.executeUpdate(rateUpdate, { args: [{ rating: 'unsatisfied', by: 'requester' }] });
    expect(reopened).toMatchObject({ level: 'leader', status: 'assigned', reopenCount: 1 });
    expect(h.workOrders.get(c.caseNumber)).toEqual([`assign leader#1 ${D}`, 'replied leader#1', `assign leader#2 ${D}`]);
    await c.handle.executeUpdate(signUpdate, { args: [{ by, unitCode: D }] });
    await c.handle.executeUpdate(replyUpdate, { args: [{ by, unitCode: D, result: '再次处理' }] });
    expect((await c.handle.executeUpdate(rateUpdate, { args: [{ rating: 'satisfied', by: 'requester' }] })).status).toBe('closed');
    await h.record(c.handle, 'case-leader-reopened');
  });

  it('calls the conference off when its level breaches, and stays at leader handling', async () => {
    const depts = [{ code: '370404D02', name: '区住建局' }];
    const c = await h.startCase(policy(), { level: 'conference', unit: { code: D, name: '联席会议' } });
    await h.until(c.state, (s) => s.status === 'assigned', 'conference level');
    await c.handle.executeUpdate(conveneUpdate, { args: [{ by: 'dispatcher', departments: depts, reportWithin: { amount: 30, unit: 'hours' } }] });
    const child = h.env.client.workflow.getHandle(conferenceWorkflowId(c.caseNumber, 1));
    await h.env.sleep('25 hours'); // the level breaches at 24 h, while the conference still waits for reports (30 h)
    await h.until(c.state, (s) => s.level === 'leader', 'leader handling');
    expect((await child.describe()).status.name).toBe('CANCELLED');
    await expect(child.executeUpdate(reportUpdate, { args: [{ unitCode: depts[0].code, by: 'zhujian', report: '已现场查看' }] })).rejects.toThrow();
    expect((await c.state()).level).toBe('leader');
    await h.record(c.handle, 'case-conference-called-off');
  });

  it('sends a returned case nobody re-routes up a level when the re-routing limit passes', async () => {
    const c = await h.startCase(policy({}, { rerouteWithin: { amount: 2, unit: 'hours' } }));
    await h.until(c.state, (s) => s.status === 'assigned', 'assignment');
    await c.handle.executeUpdate(returnUpdate, { args: [{ by, unitCode: GRID, reason: '不归网格' }] });
    await h.env.sleep('3 hours');
    const s = await h.until(c.state, (x) => x.level === 'village', 'escalation after the re-routing limit');
    expect(s.levels.map((l) => `${l.level}:${l.outcome ?? 'open'}`)).toEqual(['grid:returned', 'village:open']);
    expect(h.workOrders.get(c.caseNumber)).toEqual([`assign grid#1 ${GRID}`, 'returned grid#1', `assign village#1 ${CHAIN.village!.code}`]);
    await h.record(c.handle, 'case-reroute-overdue');
  });
});
