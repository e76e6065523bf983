import { deadline } from '../calendar';
import { CHAIN, DAY, HOUR, Sim, policy } from './ladder.fixtures';

const G = CHAIN.grid!.code;
const by = 'grid-worker';

describe('decide: a case on the ladder', () => {
  it('starts at its level with a work order and deadlines, and keeps the search attributes current', () => {
    const sim = new Sim(policy({ signWithin: { amount: 2, unit: 'hours' } }));
    expect(sim.state).toMatchObject({ status: 'assigned', level: 'grid', unit: CHAIN.grid, policy: { ruleSetId: 'rs-test', version: 1 } });
    expect(sim.state.levels[0]).toMatchObject({ workOrderId: 'grid#1', signBy: '2025-03-03T03:00:00.000Z', resolveBy: '2025-03-04T01:00:00.000Z' });
    expect(sim.effects.map((e) => e.kind)).toEqual(['assign', 'searchAttributes']);
    expect(sim.effects[1]).toMatchObject({ attrs: { CaseLevel: 'grid', CaseStatus: 'assigned', HandlingUnit: G, Overdue: false, ReopenCount: 0, SlaDeadline: '2025-03-04T01:00:00.000Z' } });
  });

  it('starts at the first level with a unit (a case outside every grid goes to the district)', () => {
    const sim = new Sim(policy(), {}, { district: CHAIN.district });
    expect(sim.state).toMatchObject({ level: 'district', unit: CHAIN.district });
  });

  it('is resolved on time and closed by a satisfied rating', () => {
    const sim = new Sim(policy());
    sim.act('sign', { by, unitCode: G });
    sim.advance(2 * HOUR);
    sim.act('reply', { by, unitCode: G, result: '已更换灯泡' });
    sim.act('rate', { rating: 'satisfied', by: 'requester' });
    expect(sim.state).toMatchObject({ status: 'closed', level: 'grid', overdue: false });
    expect(sim.kinds()).toEqual(['signed', 'replied', 'rated', 'closed']);
    expect(sim.workOrders()).toEqual([`assign grid#1 ${G}`, 'replied grid#1']);
    expect(sim.progress.map((p) => p.id)).toEqual(['C1:1', 'C1:2', 'C1:3', 'C1:4']);
    expect(sim.progress[3].resolveBy).toBeNull();
  });

  it('breaches at every level up to leader handling, recording points, and stays overdue at the top', () => {
    const sim = new Sim(policy({ breachPoints: 3 }));
    sim.advance(6 * 25 * HOUR);
    expect(sim.levels()).toEqual(['grid:breached', 'village:breached', 'town:breached', 'district:breached', 'conference:breached', 'leader:open']);
    expect(sim.progress.filter((p) => p.kind === 'sla-breached').map((b) => [b.level, b.details.points, b.overdue])).toEqual([
      ['grid', 3, true], ['village', 3, true], ['town', 3, true], ['district', 3, true], ['conference', 3, true], ['leader', 3, true],
    ]);
    expect(sim.state).toMatchObject({ level: 'leader', overdue: true });
    expect(sim.effects.at(-1)).toMatchObject({ kind: 'searchAttributes', attrs: { CaseLevel: 'leader', Overdue: true } });
  });

  it('warns at each threshold before the breach, then escalates', () => {
    const sim = new Sim(policy({ warnAt: [0.5, 0.75], resolveWithin: { amount: 8, unit: 'hours' } }));
    sim.advance(5 * HOUR);
    expect(sim.state.warned).toEqual([0.5]);
    sim.advance(2 * HOUR);
    expect(sim.progress.map((p) => p.details.threshold)).toEqual([0.5, 0.75]);
    sim.advance(2 * HOUR);
    expect(sim.kinds()).toEqual(['sla-warning@grid', 'sla-warning@grid', 'sla-breached@grid', 'escalated']);
    expect(sim.state.level).toBe('village');
  });

  it('breaches a late signature (and escalates when the rule says so)', () => {
    const sim = new Sim(policy({ signWithin: { amount: 2, unit: 'hours' } }));
    sim.advance(3 * HOUR);
    expect(sim.progress[0]).toMatchObject({ kind: 'sla-breached', details: { kind: 'sign', deadline: '2025-03-03T03:00:00.000Z' } });
    expect(sim.state.level).toBe('village');
  });

  it('flags a breach overdue without escalating when the level does not escalate', () => {
    const sim = new Sim(policy({ escalateOnBreach: false }));
    sim.advance(30 * HOUR);
    expect(sim.state).toMatchObject({ level: 'grid', overdue: true });
    expect(sim.kinds()).toEqual(['sla-breached@grid']);
  });

  it('extends the deadline when an extension is granted, not when refused', () => {
    const sim = new Sim(policy());
    const due = Date.parse(sim.state.levels[0].resolveBy);
    sim.act('requestExtension', { by, unitCode: G, reason: '需协调供电公司', extendBy: { amount: 1, unit: 'days' } });
    sim.act('decideExtension', { by: 'town-head', grant: true });
    expect(Date.parse(sim.state.levels[0].resolveBy) - due).toBe(DAY);
    sim.act('requestExtension', { by, unitCode: G, reason: '还需一天', extendBy: { amount: 1, unit: 'days' } });
    sim.act('decideExtension', { by: 'town-head', grant: false });
    expect(Date.parse(sim.state.levels[0].resolveBy) - due).toBe(DAY);
    expect(sim.state.extensions.map((e) => e.decision)).toEqual(['granted', 'refused']);
    sim.advance(36 * HOUR);
    expect(sim.state.level).toBe('grid');
    expect(sim.kinds()).toEqual(['extension-requested', 'extension-decided', 'extension-requested', 'extension-decided']);
  });

  it('is returned as misrouted and re-routed by the centre to a designated unit', () => {
    const sim = new Sim(policy());
    sim.act('return', { by, unitCode: G, reason: '属于市场监管职责' });
    expect(sim.state.status).toBe('returned');
    const dept = { code: 'D04', name: '区市场监管局' };
    sim.act('reroute', { by: 'dispatcher', level: 'district', unit: dept });
    expect(sim.state).toMatchObject({ status: 'assigned', level: 'district', unit: dept });
    expect(sim.state.levels[1].designated).toBe(true);
    expect(sim.workOrders()).toEqual([`assign grid#1 ${G}`, 'returned grid#1', `assign district#1 ${dept.code}`]);
    expect(sim.progress.at(-1)?.details).toMatchObject({ from: 'grid', to: 'district', cause: 'rerouted', by: 'dispatcher' });
  });

  it('reopens at the same level when unsatisfied, and goes up a level after repeated reopens', () => {
    const sim = new Sim(policy({}, { reopenLimit: 1 }));
    const handleOnce = () => {
      const unitCode = sim.state.unit.code;
      sim.act('sign', { by, unitCode });
      sim.act('reply', { by, unitCode, result: '已处理' });
      return sim.act('rate', { rating: 'unsatisfied', by: 'requester' }).state;
    };
    expect(handleOnce()).toMatchObject({ level: 'grid', reopenCount: 1, status: 'assigned' });
    expect(handleOnce()).toMatchObject({ level: 'village', reopenCount: 2, reopensAtLevel: 0, unit: CHAIN.village });
    expect(sim.workOrders().filter((w) => w.startsWith('assign'))).toEqual([`assign grid#1 ${G}`, `assign grid#2 ${G}`, `assign village#1 ${CHAIN.village!.code}`]);
    expect(sim.effects.at(-2)).toMatchObject({ kind: 'searchAttributes', attrs: { ReopenCount: 2, CaseLevel: 'village' } });
  });

  it('asks for a callback when the rating does not come in time, and the callback rates it', () => {
    const sim = new Sim(policy());
    sim.act('sign', { by, unitCode: G });
    sim.act('reply', { by, unitCode: G, result: '已处理' });
    sim.advance(4 * DAY);
    expect(sim.state.status).toBe('callback');
    sim.act('rate', { rating: 'basically_satisfied', by: 'callback' });
    expect(sim.state.status).toBe('closed');
    expect(sim.kinds()).toEqual(['signed', 'replied', 'callback-due', 'rated', 'closed']);
  });

  it('goes to leader handling when the joint conference fails', () => {
    const sim = new Sim(policy(), { level: 'district', unit: CHAIN.district });
    sim.act('escalate', { by: 'dispatcher', reason: '涉及多个部门' });
    const d = sim.act('convene', { by: 'dispatcher', departments: [{ code: 'A', name: '住建' }, { code: 'B', name: '城管' }], reportWithin: { amount: 2, unit: 'hours' } });
    expect(d.effects).toEqual([{ kind: 'startConference', round: 1, convener: { code: 'D1', name: '峄城区联席会议' }, departments: [{ code: 'A', name: '住建' }, { code: 'B', name: '城管' }], reportWithin: { amount: 2, unit: 'hours' }, decideWithin: { amount: 1, unit: 'days' } }]);
    sim.feed({ kind: 'conferenceResult', round: 1, result: { outcome: 'failed', reason: 'reports-missing', missing: ['B'] } });
    expect(sim.levels()).toEqual(['district:escalated', 'conference:conference-failed', 'leader:open']);
    expect(sim.state.levels[1].reason).toContain('B');
    expect(sim.state.conference).toBeUndefined();
  });

  it('hands the case to the lead unit a conference decides on, designated', () => {
    const sim = new Sim(policy(), { level: 'conference', unit: { code: 'D1', name: '联席会议' } });
    sim.act('convene', { by: 'dispatcher', departments: [{ code: 'A', name: '住建' }] });
    sim.feed({ kind: 'conferenceResult', round: 1, result: { outcome: 'decided', decision: '由住建局牵头', handlingUnits: [{ code: 'A', name: '住建' }] } });
    expect(sim.state).toMatchObject({ level: 'conference', unit: { code: 'A' }, status: 'assigned' });
    expect(sim.levels()).toEqual(['conference:conference-decided', 'conference:open']);
    expect(sim.state.levels[1].designated).toBe(true);
    expect(sim.workOrders()).toEqual(['assign conference#1 D1', 'closed conference#1', 'assign conference#2 A']);
  });

  it('keeps the time already spent when a new rule set is applied mid-level', () => {
    const sim = new Sim(policy({ resolveWithin: { amount: 10, unit: 'days' } }));
    const entered = Date.parse(sim.state.levels[0].enteredAt);
    sim.advance(4 * DAY);
    sim.feed({ kind: 'applyPolicy', i: { policy: policy({ resolveWithin: { amount: 6, unit: 'days' } }, { version: 2 }), appliedBy: 'admin' } });
    expect(Date.parse(sim.state.levels[0].resolveBy) - entered).toBe(6 * DAY);
    expect(sim.state.policy?.version).toBe(2);
    sim.advance(49 * HOUR);
    expect(sim.kinds()).toEqual(['sla-changed', 'sla-breached@grid', 'escalated']);
  });

  it('counts working days across a holiday and an adjusted workday', () => {
    const holidays = ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'];
    const calendar = { holidays, workdays: ['2025-09-28', '2025-10-11'] };
    const sim = new Sim(policy({ resolveWithin: { amount: 3, unit: 'days' }, basis: 'working' }, { calendar }), { at: '2025-09-30T02:00:00Z' });
    expect(sim.state.levels[0].resolveBy).toBe('2025-10-11T02:00:00.000Z');
    expect(deadline(new Date('2025-09-30T02:00:00Z'), { amount: 3, unit: 'days' }, 'working', calendar).toISOString()).toBe(sim.state.levels[0].resolveBy);
  });

  it('shortens the deadline on a supervision order, and withdraws at the requester’s word', () => {
    const sim = new Sim(policy({ resolveWithin: { amount: 5, unit: 'days' } }));
    const shortenTo = new Date(Date.parse(sim.state.levels[0].enteredAt) + DAY).toISOString();
    sim.feed({ kind: 'supervise', i: { by: 'supervisor', tier: '联席办督导', note: '限一日内办结', shortenTo } });
    expect(sim.state.levels[0].resolveBy).toBe(shortenTo);
    sim.act('withdraw', { by: 'requester', reason: '已自行解决' });
    expect(sim.state.status).toBe('withdrawn');
    expect(sim.kinds()).toEqual(['supervised', 'withdrawn']);
    expect(sim.workOrders()).toEqual([`assign grid#1 ${G}`, 'withdrawn grid#1']);
  });

  it('ignores a supervision deadline later than the one in force', () => {
    const sim = new Sim(policy());
    sim.feed({ kind: 'supervise', i: { by: 's', tier: 't', note: 'n', shortenTo: '2025-03-20T00:00:00.000Z' } });
    expect(sim.state.levels[0].resolveBy).toBe('2025-03-04T01:00:00.000Z');
    expect(sim.progress[0].details.shortenedTo).toBeNull();
  });

  it('does not change the state it is given', () => {
    const sim = new Sim(policy());
    const before = JSON.stringify(sim.state);
    const frozen = sim.state;
    sim.act('sign', { by, unitCode: G });
    expect(JSON.stringify(frozen)).toBe(before);
  });

  it('says once, loudly, that no SLA policy applies; starts at its level once one is applied; may be withdrawn meanwhile', () => {
    const sim = new Sim(undefined);
    sim.feed({ kind: 'policyMissing', reason: 'No SLA rule set is in force.' });
    expect(sim.progress[0]).toMatchObject({ kind: 'sla-policy-missing', level: 'grid', resolveBy: null, details: { status: 'registered', reason: 'No SLA rule set is in force.' } });
    sim.feed({ kind: 'applyPolicy', i: { policy: policy({}, { version: 3 }), appliedBy: 'admin' } });
    sim.feed({ kind: 'start' });
    expect(sim.state).toMatchObject({ status: 'assigned', level: 'grid', policy: { version: 3 } });
    expect(sim.kinds()).toEqual(['sla-policy-missing', 'sla-changed']);
    const waiting = new Sim(undefined);
    waiting.act('withdraw', { by: 'requester', reason: '不需要了' });
    expect(waiting.state.status).toBe('withdrawn');
    expect(waiting.effects.map((e) => e.kind)).toEqual(['searchAttributes', 'progress']);
  });
});
