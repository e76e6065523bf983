import { decideUpdate, reportUpdate, conferenceWorkflowId } from '../conference/conference.messages';
import { LadderHarness, CHAIN, policy } from '../testing/ladder-harness';
import { applyPolicySignal, conveneUpdate, escalateUpdate, signUpdate, superviseSignal, withdrawUpdate } from './case.messages';

jest.setTimeout(120_000);
const h = new LadderHarness();
beforeAll(() => h.start());
afterAll(() => h.stop());

const DAY = 24 * 3600_000;
const depts = [
  { code: '370404D02', name: '区住建局' },
  { code: '370404D03', name: '区城管局' },
];

describe('caseWorkflow: conference, rule changes, calendars, supervision', () => {
  it('goes to leader handling when a department fails to report to the joint conference', async () => {
    const c = await h.startCase(policy({ signWithin: null }), { level: 'district', unit: CHAIN.district });
    await h.until(c.state, (s) => s.level === 'district' && s.status === 'assigned', 'district');
    await c.handle.executeUpdate(escalateUpdate, { args: [{ by: 'dispatcher', reason: '涉及多个部门' }] });
    await c.handle.executeUpdate(conveneUpdate, { args: [{ by: 'dispatcher', departments: depts, reportWithin: { amount: 2, unit: 'hours' } }] });
    const child = h.env.client.workflow.getHandle(conferenceWorkflowId(c.caseNumber, 1));
    for (let i = 0; i < 100 && !(await child.describe().then(() => true, () => false)); i++) await new Promise((r) => setTimeout(r, 50));
    await child.executeUpdate(reportUpdate, { args: [{ unitCode: depts[0].code, by: 'zhujian', report: '已现场查看' }] });
    await h.env.sleep('3 hours');
    const s = await h.until(c.state, (x) => x.level === 'leader', 'leader handling');
    expect(s.levels.map((l) => `${l.level}:${l.outcome ?? 'open'}`)).toEqual(['district:escalated', 'conference:conference-failed', 'leader:open']);
    expect(s.levels[1].reason).toContain(depts[1].code);
    expect(await child.result()).toMatchObject({ outcome: 'failed', reason: 'reports-missing', missing: [depts[1].code] });
    await h.record(c.handle, 'case-conference-failed');
    await h.record(child, 'conference-failed');
  });

  it('hands the case to the lead unit a conference decides on', async () => {
    const c = await h.startCase(policy(), { level: 'conference', unit: { code: CHAIN.district.code, name: '联席会议' } });
    await h.until(c.state, (s) => s.level === 'conference' && s.status === 'assigned', 'conference level');
    await c.handle.executeUpdate(conveneUpdate, { args: [{ by: 'dispatcher', departments: depts }] });
    const child = h.env.client.workflow.getHandle(conferenceWorkflowId(c.caseNumber, 1));
    for (const d of depts) await child.executeUpdate(reportUpdate, { args: [{ unitCode: d.code, by: d.code, report: '同意配合' }] });
    await child.executeUpdate(decideUpdate, { args: [{ by: 'dispatcher', decision: '由住建局牵头，城管局配合', handlingUnits: depts }] });
    const s = await h.until(c.state, (x) => x.levels.length === 2, 'decided');
    expect(s).toMatchObject({ level: 'conference', unit: depts[0], status: 'assigned' });
    expect(s.levels[0].outcome).toBe('conference-decided');
    expect(s.levels[1].designated).toBe(true);
  });

  it('keeps the time already spent when a new rule set is applied mid-level', async () => {
    const c = await h.startCase(policy({ resolveWithin: { amount: 10, unit: 'days' } }));
    const start = await h.until(c.state, (s) => s.status === 'assigned', 'assignment');
    const entered = Date.parse(start.levels[0].enteredAt);
    await h.env.sleep('4 days');
    await c.handle.signal(applyPolicySignal, { policy: policy({ resolveWithin: { amount: 6, unit: 'days' } }, { version: 2 }), appliedBy: 'admin' });
    const s = await h.until(c.state, (x) => x.policy?.version === 2, 'new policy');
    expect(Date.parse(s.levels[0].resolveBy) - entered).toBe(6 * DAY); // 4 days spent + 2 left, not 4 + 6
    await h.env.sleep('49 hours');
    await h.until(c.state, (x) => x.level === 'village', 'breach under the new rule');
    expect(h.kinds(c.caseNumber)).toEqual(['sla-changed', 'sla-breached@grid', 'escalated']);
  });

  it('counts working days across a holiday and an adjusted workday', async () => {
    // Golden Week 2025: Oct 1-8 off; Sun Sep 28 and Sat Oct 11 are working days (调休).
    const holidays = ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'];
    const calendar = { holidays, workdays: ['2025-09-28', '2025-10-11'] };
    const { deadline } = await import('@fq/domain');
    const from = new Date('2025-09-30T02:00:00Z'); // Tue 10:00 in China
    expect(deadline(from, { amount: 3, unit: 'days' }, 'working', calendar).toISOString()).toBe('2025-10-11T02:00:00.000Z'); // Tue 30, Thu 9, Fri 10 -> Sat 11 10:00
    const c = await h.startCase(policy({ resolveWithin: { amount: 3, unit: 'days' }, basis: 'working' }, { calendar }));
    const s = await h.until(c.state, (x) => x.status === 'assigned', 'assignment');
    const entered = new Date(s.levels[0].enteredAt);
    expect(s.levels[0].resolveBy).toBe(deadline(entered, { amount: 3, unit: 'days' }, 'working', calendar).toISOString());
  });

  it('shortens the deadline on a supervision order, and withdraws at the requester’s word', async () => {
    const c = await h.startCase(policy({ resolveWithin: { amount: 5, unit: 'days' } }));
    const start = await h.until(c.state, (s) => s.status === 'assigned', 'assignment');
    const shortenTo = new Date(Date.parse(start.levels[0].enteredAt) + DAY).toISOString();
    await c.handle.signal(superviseSignal, { by: 'supervisor', tier: '联席办督导', note: '群众反映强烈，限一日内办结', shortenTo });
    const s = await h.until(c.state, (x) => x.supervisions.length === 1, 'supervision');
    expect(s.levels[0].resolveBy).toBe(shortenTo);
    const withdrawn = await c.handle.executeUpdate(withdrawUpdate, { args: [{ by: 'requester', reason: '已自行解决' }] });
    expect(withdrawn.status).toBe('withdrawn');
    expect(await c.handle.result()).toMatchObject({ status: 'withdrawn' });
    expect(h.kinds(c.caseNumber)).toEqual(['supervised', 'withdrawn']);
    await h.record(c.handle, 'case-supervised-withdrawn');
  });

  it('continues as new when its history grows, carrying the whole state over', async () => {
    const c = await h.startCase(policy({ resolveWithin: { amount: 30, unit: 'days' } }), { historyLimit: 40 });
    const first = await h.until(c.state, (s) => s.status === 'assigned', 'assignment');
    const firstRun = (await c.handle.describe()).runId;
    await c.handle.executeUpdate(signUpdate, { args: [{ by: 'grid-worker', unitCode: first.unit.code }] });
    for (let i = 0; i < 8; i++) await c.handle.signal(superviseSignal, { by: 'supervisor', tier: '受理部门回访', note: `第${i + 1}次督办` });
    const s = await h.until(c.state, (x) => x.supervisions.length === 8, 'eight supervisions');
    // The old run may answer the query before it hands over: wait for the new run to start.
    let runId = firstRun;
    for (let i = 0; i < 100 && runId === firstRun; i++) {
      runId = (await c.handle.describe()).runId;
      if (runId === firstRun) await new Promise((r) => setTimeout(r, 100));
    }
    expect(runId).not.toBe(firstRun);
    expect(s).toMatchObject({ status: 'signed', level: 'grid', progressSeq: 9, levels: [{ workOrderId: first.levels[0].workOrderId, enteredAt: first.levels[0].enteredAt }] });
    expect(h.kinds(c.caseNumber)).toEqual(['signed', ...Array(8).fill('supervised')]);
  });
});
