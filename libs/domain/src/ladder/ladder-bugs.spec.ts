import { check } from './check';
import { nextDue } from './due';
import { CHAIN, DAY, HOUR, Sim, policy } from './ladder.fixtures';

/** Issue 19, "The ladder": each test failed on the rules as they were and holds now. */
const G = CHAIN.grid!.code;
const D = CHAIN.district.code;
const by = 'worker';
const depts = [{ code: 'A', name: '住建' }];

describe('issue 19: the ladder never wedges', () => {
  it('1. a leader case rated unsatisfied past the reopen limit goes back to the leader’s desk with a new work order', () => {
    const sim = new Sim(policy({}, { reopenLimit: 0 }), { level: 'leader', unit: { code: D, name: '领导包案' } });
    sim.act('sign', { by, unitCode: D });
    sim.act('reply', { by, unitCode: D, result: '已处理' });
    sim.act('rate', { rating: 'unsatisfied', by: 'requester' });
    expect(sim.state).toMatchObject({ level: 'leader', status: 'assigned', reopenCount: 1 });
    expect(sim.workOrders()).toEqual(['assign leader#1 D1', 'replied leader#1', 'assign leader#2 D1']);
    expect(Number.isFinite(nextDue(sim.state, sim.policy!))).toBe(true);
    // Rated by callback the same way: the leader can act on the case again.
    sim.act('sign', { by, unitCode: D });
    sim.act('reply', { by, unitCode: D, result: '再次处理' });
    sim.advance(4 * DAY);
    expect(sim.state.status).toBe('callback');
    expect(sim.act('rate', { rating: 'unsatisfied', by: 'callback' }).state).toMatchObject({ status: 'assigned', overdue: false });
    expect(check(sim.state, { kind: 'sign', i: { by, unitCode: D } }, { policy: sim.policy, chain: CHAIN }, sim.now)).toBeUndefined();
  });

  it('2. a conference decided after its level breached does not pull the case back down; the conference is called off', () => {
    const sim = new Sim(policy(), { level: 'conference', unit: { code: D, name: '联席会议' } });
    sim.act('convene', { by: 'dispatcher', departments: depts });
    sim.advance(25 * HOUR);
    expect(sim.state.level).toBe('leader');
    expect(sim.effects).toContainEqual({ kind: 'cancelConference', round: 1 });
    sim.feed({ kind: 'conferenceResult', round: 1, result: { outcome: 'decided', decision: '住建牵头', handlingUnits: depts } });
    expect(sim.state).toMatchObject({ level: 'leader', unit: { code: D } });
    expect(sim.levels()).toEqual(['conference:breached', 'leader:open']);
  });

  it('3. a conference failing after the case reached leader handling neither makes it overdue nor storms; intake hears of it', () => {
    const sim = new Sim(policy({ warnAt: [0.5] }), { level: 'conference', unit: { code: D, name: '联席会议' } });
    sim.act('convene', { by: 'dispatcher', departments: depts });
    sim.advance(25 * HOUR);
    sim.feed({ kind: 'conferenceResult', round: 1, result: { outcome: 'failed', reason: 'reports-missing', missing: ['A'] } });
    expect(sim.state).toMatchObject({ level: 'leader', overdue: false });
    expect(sim.progress.at(-1)).toMatchObject({ kind: 'conference-result-ignored', details: { round: 1, outcome: 'failed', reason: 'reports-missing (A)' } });
    expect(nextDue(sim.state, sim.policy!)).toBeGreaterThan(sim.now.getTime());
    sim.advance(3 * DAY); // Sim throws on more than 100 dues in a row
    expect(sim.state).toMatchObject({ level: 'leader', overdue: true });
    expect(nextDue(sim.state, sim.policy!)).toBeUndefined();
  });

  it('4. an extension still pending when the case escalates lapses and cannot move the next level’s deadline', () => {
    const sim = new Sim(policy());
    sim.act('requestExtension', { by, unitCode: G, reason: '需协调', extendBy: { amount: 1, unit: 'days' } });
    sim.advance(25 * HOUR);
    expect(sim.state.level).toBe('village');
    expect(sim.state.extensions[0].decision).toBe('lapsed');
    expect(sim.act('decideExtension', { by: 'head', grant: true }).refusal?.code).toBe('NO_EXTENSION_PENDING');
    const due = sim.state.levels[1].resolveBy;
    expect(sim.act('requestExtension', { by, unitCode: CHAIN.village!.code, reason: '村里也需要', extendBy: { amount: 2, unit: 'hours' } }).refusal).toBeUndefined();
    sim.act('decideExtension', { by: 'head', grant: true });
    expect(Date.parse(sim.state.levels[1].resolveBy) - Date.parse(due)).toBe(2 * HOUR);
    sim.feed({ kind: 'applyPolicy', i: { policy: policy(), appliedBy: 'admin' } });
    expect(Date.parse(sim.state.levels[1].resolveBy) - Date.parse(due)).toBe(2 * HOUR);
  });

  it('5. applying a rule version to an overdue case does not breach the same deadline again', () => {
    const sim = new Sim(policy({ escalateOnBreach: false }));
    sim.advance(25 * HOUR);
    sim.feed({ kind: 'applyPolicy', i: { policy: policy({ escalateOnBreach: false }, { version: 2 }), appliedBy: 'admin' } });
    sim.advance(DAY);
    expect(sim.state.overdue).toBe(true);
    expect(sim.kinds()).toEqual(['sla-breached@grid', 'sla-changed']);
  });

  it('6. an extension asked for after the breach is refused, and one pending at the breach lapses', () => {
    const sim = new Sim(policy({ escalateOnBreach: false }));
    sim.advance(20 * HOUR);
    sim.act('requestExtension', { by, unitCode: G, reason: '需协调', extendBy: { amount: 1, unit: 'days' } });
    sim.advance(5 * HOUR);
    expect(sim.state.extensions[0].decision).toBe('lapsed');
    expect(sim.act('requestExtension', { by, unitCode: G, reason: '再给一天', extendBy: { amount: 1, unit: 'days' } }).refusal?.code).toBe('DEADLINE_PASSED');
  });

  it('7. of two conflicting actions valid on arrival, the one applied second is refused with the state’s code', () => {
    const sim = new Sim(policy());
    sim.act('sign', { by, unitCode: G });
    const ctx = { policy: sim.policy, chain: CHAIN };
    const reply = { kind: 'reply' as const, i: { by, unitCode: G, result: '已处理' } };
    const ret = { kind: 'return' as const, i: { by, unitCode: G, reason: '不归我们' } };
    expect([check(sim.state, reply, ctx, sim.now), check(sim.state, ret, ctx, sim.now)]).toEqual([undefined, undefined]);
    sim.feed(reply);
    const second = sim.feed(ret);
    expect(second.refusal?.code).toBe('CASE_NOT_IN_HANDLING');
    expect(second.effects).toEqual([]);
    expect(sim.state.status).toBe('replied');
  });

  it('8. escalating a returned case keeps its returned record and work order', () => {
    const sim = new Sim(policy());
    sim.act('return', { by, unitCode: G, reason: '不归网格' });
    sim.act('escalate', { by: 'dispatcher', reason: '交社区处理' });
    expect(sim.levels()).toEqual(['grid:returned', 'village:open']);
    expect(sim.state.levels[0].reason).toBe('不归网格');
    expect(sim.workOrders()).toEqual([`assign grid#1 ${G}`, 'returned grid#1', `assign village#1 ${CHAIN.village!.code}`]);
  });

  it('9. a supervision deadline already past is an immediate breach, said so, with no warnings', () => {
    const sim = new Sim(policy({ warnAt: [0.5, 0.75] }));
    sim.advance(HOUR);
    const shortenTo = new Date(sim.now.getTime() - 30 * 60_000).toISOString();
    sim.feed({ kind: 'supervise', i: { by: 'supervisor', tier: '督办', note: '立即办结', shortenTo } });
    expect(sim.kinds()).toEqual(['supervised', 'sla-breached@grid', 'escalated']);
    expect(sim.progress[0].details).toMatchObject({ shortenedTo: shortenTo, immediateBreach: true });
    expect(sim.progress[1].details).toMatchObject({ kind: 'resolve', deadline: shortenTo });
  });
});

describe('issue 19.10: every waiting state has a limit', () => {
  it('a returned case not re-routed in time goes up a level, keeping its returned record', () => {
    const sim = new Sim(policy({}, { rerouteWithin: { amount: 2, unit: 'hours' } }));
    sim.act('return', { by, unitCode: G, reason: '不归网格' });
    expect(sim.state.levels[0].rerouteBy).toBe(new Date(sim.now.getTime() + 2 * HOUR).toISOString());
    sim.advance(3 * HOUR);
    expect(sim.levels()).toEqual(['grid:returned', 'village:open']);
    expect(sim.progress.at(-1)?.details).toMatchObject({ from: 'grid', to: 'village', cause: 'escalated', reason: 'not re-routed in time' });
  });

  it('a returned case at the top goes back to the leader’s desk, designated (the default: a day)', () => {
    const sim = new Sim(policy(), { level: 'leader', unit: { code: D, name: '领导包案' } });
    sim.act('return', { by, unitCode: D, reason: '需重新指定' });
    sim.advance(DAY + 1);
    expect(sim.levels()).toEqual(['leader:returned', 'leader:open']);
    expect(sim.state.levels[1].designated).toBe(true);
  });

  it('a callback nobody answers closes the case as not reached (the default: three days)', () => {
    const sim = new Sim(policy());
    sim.act('sign', { by, unitCode: G });
    sim.act('reply', { by, unitCode: G, result: '已处理' });
    sim.advance(3 * DAY + 1);
    expect(sim.state.status).toBe('callback');
    sim.advance(3 * DAY);
    expect(sim.state.status).toBe('closed');
    expect(sim.progress.at(-1)).toMatchObject({ kind: 'closed', resolveBy: null, details: { rating: null, reason: 'callback-not-reached' } });
    expect(nextDue(sim.state, sim.policy!)).toBeUndefined();
  });
});
