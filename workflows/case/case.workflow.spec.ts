import { WorkflowUpdateFailedError } from '@temporalio/client';
import { LadderHarness, CHAIN, policy } from '../testing/ladder-harness';
import { decideExtensionUpdate, rateUpdate, replyUpdate, requestExtensionUpdate, rerouteUpdate, returnUpdate, signUpdate } from './case.messages';

jest.setTimeout(120_000);
const h = new LadderHarness();
beforeAll(() => h.start());
afterAll(() => h.stop());

const GRID = CHAIN.grid!.code;
const by = 'grid-worker';

/** The stable code of a refused Update (its failure type). */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkflowUpdateFailedError) return (e.cause as { type?: string }).type ?? 'untyped';
    throw e;
  }
  return 'accepted';
}

describe('caseWorkflow on the ladder', () => {
  it('is resolved on time at the first level and closed by a satisfied rating', async () => {
    const c = await h.startCase(policy());
    await h.until(c.state, (s) => s.status === 'assigned', 'assignment');
    await c.handle.executeUpdate(signUpdate, { args: [{ by, unitCode: GRID }] });
    await h.env.sleep('2 hours');
    await c.handle.executeUpdate(replyUpdate, { args: [{ by, unitCode: GRID, result: '已更换灯泡' }] });
    const closed = await c.handle.executeUpdate(rateUpdate, { args: [{ rating: 'satisfied', by: 'requester' }] });
    expect(closed.status).toBe('closed');
    expect(await c.handle.result()).toMatchObject({ status: 'closed', level: 'grid', overdue: false });
    expect(h.kinds(c.caseNumber)).toEqual(['signed', 'replied', 'rated', 'closed']);
    expect(h.workOrders.get(c.caseNumber)).toEqual([`assign grid#1 ${GRID}`, 'replied grid#1']);
    await h.record(c.handle, 'case-resolved-on-time');
  });

  it('breaches at every level up to leader handling, recording points, and stays overdue at the top', async () => {
    const c = await h.startCase(policy({ breachPoints: 3 }));
    await h.until(c.state, (s) => s.status === 'assigned', 'assignment');
    for (let i = 0; i < 6; i++) await h.env.sleep('25 hours');
    const s = await h.until(c.state, (x) => x.level === 'leader' && x.overdue, 'overdue at leader');
    expect(s.levels.map((l) => `${l.level}:${l.outcome ?? 'open'}`)).toEqual(['grid:breached', 'village:breached', 'town:breached', 'district:breached', 'conference:breached', 'leader:open']);
    const breaches = (h.progress.get(c.caseNumber) ?? []).filter((p) => p.kind === 'sla-breached');
    expect(breaches.map((b) => [b.level, b.details.points])).toEqual([
      ['grid', 3], ['village', 3], ['town', 3], ['district', 3], ['conference', 3], ['leader', 3],
    ]);
    const described = await c.handle.describe();
    expect(described.searchAttributes).toMatchObject({ CaseLevel: ['leader'], Overdue: [true] });
    await h.record(c.handle, 'case-breached-to-leader');
  });

  it('warns at each threshold before the breach', async () => {
    const c = await h.startCase(policy({ warnAt: [0.5, 0.75], resolveWithin: { amount: 8, unit: 'hours' } }));
    await h.until(c.state, (s) => s.status === 'assigned', 'assignment');
    await h.env.sleep('5 hours');
    await h.until(c.state, (s) => s.warned.length === 1, 'first warning');
    await h.env.sleep('2 hours');
    await h.until(c.state, (s) => s.warned.length === 2, 'second warning');
    expect(h.kinds(c.caseNumber)).toEqual(['sla-warning@grid', 'sla-warning@grid']);
    expect((h.progress.get(c.caseNumber) ?? []).map((p) => p.details.threshold)).toEqual([0.5, 0.75]);
    await h.env.sleep('2 hours');
    await h.until(c.state, (s) => s.level === 'village', 'escalation after the breach');
    expect(h.kinds(c.caseNumber).slice(2)).toEqual(['sla-breached@grid', 'escalated']);
  });

  it('extends the deadline when an extension is granted, not when refused, and never beyond the maximum', async () => {
    const c = await h.startCase(policy());
    const start = await h.until(c.state, (s) => s.status === 'assigned', 'assignment');
    const due = Date.parse(start.levels[0].resolveBy);
    const ask = (amount: number) => c.handle.executeUpdate(requestExtensionUpdate, { args: [{ by, unitCode: GRID, reason: '需协调供电公司', extendBy: { amount, unit: 'days' } }] });
    expect(await refusal(ask(3))).toBe('EXTENSION_TOO_LONG');
    await ask(1);
    expect(await refusal(ask(1))).toBe('EXTENSION_PENDING');
    const granted = await c.handle.executeUpdate(decideExtensionUpdate, { args: [{ by: 'town-head', grant: true }] });
    expect(Date.parse(granted.levels[0].resolveBy) - due).toBe(24 * 3600_000);
    await ask(1);
    const refused = await c.handle.executeUpdate(decideExtensionUpdate, { args: [{ by: 'town-head', grant: false }] });
    expect(Date.parse(refused.levels[0].resolveBy) - due).toBe(24 * 3600_000);
    expect(refused.extensions.map((e) => e.decision)).toEqual(['granted', 'refused']);
    await h.env.sleep('36 hours');
    expect((await c.state()).level).toBe('grid'); // the granted day holds the breach off
  });

  it('is returned as misrouted, re-routed by the centre, and the designated unit cannot return it again', async () => {
    const c = await h.startCase(policy());
    await h.until(c.state, (s) => s.status === 'assigned', 'assignment');
    expect(await refusal(c.handle.executeUpdate(returnUpdate, { args: [{ by, unitCode: 'someone-else', reason: 'x' }] }))).toBe('NOT_HANDLING_UNIT');
    const returned = await c.handle.executeUpdate(returnUpdate, { args: [{ by, unitCode: GRID, reason: '属于市场监管职责' }] });
    expect(returned.status).toBe('returned');
    const dept = { code: '370404D04', name: '区市场监管局' };
    const rerouted = await c.handle.executeUpdate(rerouteUpdate, { args: [{ by: 'dispatcher', level: 'district', unit: dept }] });
    expect(rerouted).toMatchObject({ status: 'assigned', level: 'district', unit: dept });
    expect(await refusal(c.handle.executeUpdate(returnUpdate, { args: [{ by: 'dept', unitCode: dept.code, reason: '不归我们' }] }))).toBe('DESIGNATED_UNIT_CANNOT_RETURN');
    expect(h.workOrders.get(c.caseNumber)).toEqual([`assign grid#1 ${GRID}`, 'returned grid#1', `assign district#1 ${dept.code}`]);
  });

  it('reopens at the same level when unsatisfied, and goes up a level after repeated reopens', async () => {
    const c = await h.startCase(policy({}, { reopenLimit: 1 }));
    const handleOnce = async () => {
      await h.until(c.state, (s) => s.status === 'assigned', 'assignment');
      const unitCode = (await c.state()).unit.code;
      await c.handle.executeUpdate(signUpdate, { args: [{ by, unitCode }] });
      await c.handle.executeUpdate(replyUpdate, { args: [{ by, unitCode, result: '已处理' }] });
      return c.handle.executeUpdate(rateUpdate, { args: [{ rating: 'unsatisfied', by: 'requester' }] });
    };
    const first = await handleOnce();
    expect(first).toMatchObject({ level: 'grid', reopenCount: 1, status: 'assigned' });
    const second = await handleOnce();
    expect(second).toMatchObject({ level: 'village', reopenCount: 2, unit: CHAIN.village });
    expect(h.workOrders.get(c.caseNumber)?.filter((w) => w.startsWith('assign'))).toEqual([`assign grid#1 ${GRID}`, `assign grid#2 ${GRID}`, `assign village#1 ${CHAIN.village!.code}`]);
    expect((await c.handle.describe()).searchAttributes).toMatchObject({ ReopenCount: [2], CaseLevel: ['village'] });
    await h.record(c.handle, 'case-reopened-twice');
  });

  it('asks for a callback when the rating does not come in time', async () => {
    const c = await h.startCase(policy());
    await h.until(c.state, (s) => s.status === 'assigned', 'assignment');
    await c.handle.executeUpdate(signUpdate, { args: [{ by, unitCode: GRID }] });
    await c.handle.executeUpdate(replyUpdate, { args: [{ by, unitCode: GRID, result: '已处理' }] });
    await h.env.sleep('4 days');
    await h.until(c.state, (s) => s.status === 'callback', 'callback');
    const closed = await c.handle.executeUpdate(rateUpdate, { args: [{ rating: 'basically_satisfied', by: 'callback' }] });
    expect(closed.status).toBe('closed');
    expect(h.kinds(c.caseNumber)).toEqual(['signed', 'replied', 'callback-due', 'rated', 'closed']);
  });
});
