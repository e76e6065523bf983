import { check, type LadderContext } from './check';
import { CHAIN, HOUR, Sim, policy } from './ladder.fixtures';
import type { ActionInput, CaseState } from './state';

const G = CHAIN.grid!.code;
const by = 'worker';
const ctx: LadderContext = { policy: policy(), chain: CHAIN };
const code = (s: CaseState, a: ActionInput, now = new Date('2025-03-03T02:00:00Z'), c: LadderContext = ctx) => check(s, a, c, now)?.code ?? 'ok';
const ext = (amount: number, reason = '需协调') => ({ kind: 'requestExtension' as const, i: { by, unitCode: G, reason, extendBy: { amount, unit: 'days' as const } } });

describe('check: who may do what, with stable codes', () => {
  const assigned = new Sim(policy()).state;
  const signed = (() => {
    const sim = new Sim(policy());
    sim.act('sign', { by, unitCode: G });
    return sim.state;
  })();

  it('lets only the handling unit act on a case being handled', () => {
    expect(code(assigned, { kind: 'sign', i: { by, unitCode: G } })).toBe('ok');
    expect(code(assigned, { kind: 'sign', i: { by, unitCode: 'X' } })).toBe('NOT_HANDLING_UNIT');
    expect(code(signed, { kind: 'sign', i: { by, unitCode: G } })).toBe('ALREADY_SIGNED');
    expect(code(assigned, { kind: 'reply', i: { by, unitCode: G, result: 'x' } })).toBe('CASE_NOT_SIGNED');
    expect(code(signed, { kind: 'reply', i: { by, unitCode: G, result: ' ' } })).toBe('RESULT_REQUIRED');
    expect(code(assigned, { kind: 'return', i: { by, unitCode: G, reason: '' } })).toBe('REASON_REQUIRED');
  });

  it('refuses every unit action while the case waits for its policy, but a withdrawal', () => {
    const waiting = new Sim(undefined).state;
    const none = { chain: CHAIN };
    expect(code(waiting, { kind: 'sign', i: { by, unitCode: G } }, undefined, none)).toBe('CASE_NOT_IN_HANDLING');
    expect(code(waiting, ext(1), undefined, none)).toBe('CASE_NOT_IN_HANDLING');
    expect(code(waiting, { kind: 'escalate', i: { by, reason: 'x' } }, undefined, none)).toBe('CASE_NOT_IN_HANDLING');
    expect(code(waiting, { kind: 'withdraw', i: { by, reason: 'x' } }, undefined, none)).toBe('ok');
  });

  it('keeps a designated unit from returning the case again, and re-routes only returned cases', () => {
    const sim = new Sim(policy());
    expect(code(sim.state, { kind: 'reroute', i: { by, level: 'town', unit: CHAIN.town! } })).toBe('CASE_NOT_RETURNED');
    sim.act('return', { by, unitCode: G, reason: '不归我们' });
    sim.act('reroute', { by, level: 'town', unit: CHAIN.town! });
    expect(code(sim.state, { kind: 'return', i: { by, unitCode: CHAIN.town!.code, reason: '也不归我们' } })).toBe('DESIGNATED_UNIT_CANNOT_RETURN');
  });

  it('bounds extensions: one at a time, within the maximum, where the rule allows one, before the deadline', () => {
    expect(code(assigned, ext(3))).toBe('EXTENSION_TOO_LONG');
    expect(code(assigned, ext(1, ' '))).toBe('REASON_REQUIRED');
    expect(code(assigned, ext(1), new Date('2025-03-04T01:00:00Z'))).toBe('DEADLINE_PASSED');
    expect(code(assigned, ext(1), undefined, { policy: policy({ maxExtension: null }), chain: CHAIN })).toBe('EXTENSION_NOT_ALLOWED');
    const sim = new Sim(policy());
    sim.feed(ext(1));
    expect(code(sim.state, ext(1))).toBe('EXTENSION_PENDING');
    expect(code(assigned, { kind: 'decideExtension', i: { by, grant: true } })).toBe('NO_EXTENSION_PENDING');
    sim.act('decideExtension', { by, grant: true });
    expect(code(sim.state, ext(2))).toBe('EXTENSION_TOO_LONG'); // one day granted, two at most
  });

  it('escalates on purpose only below the top, with a reason', () => {
    expect(code(assigned, { kind: 'escalate', i: { by, reason: '' } })).toBe('REASON_REQUIRED');
    const top = new Sim(policy(), { level: 'leader', unit: CHAIN.district }).state;
    expect(code(top, { kind: 'escalate', i: { by, reason: 'x' } })).toBe('TOP_OF_LADDER');
  });

  it('rates only a reply, withdraws only an open case, convenes only at the conference level, once', () => {
    expect(code(assigned, { kind: 'rate', i: { rating: 'satisfied', by: 'requester' } })).toBe('NOTHING_TO_RATE');
    const sim = new Sim(policy());
    sim.act('withdraw', { by, reason: 'x' });
    expect(code(sim.state, { kind: 'withdraw', i: { by, reason: 'x' } })).toBe('CASE_ENDED');
    const convene = { kind: 'convene' as const, i: { by, departments: [{ code: 'A', name: 'a' }] } };
    expect(code(assigned, convene)).toBe('NOT_AT_CONFERENCE');
    const conf = new Sim(policy(), { level: 'conference', unit: CHAIN.district });
    expect(code(conf.state, { ...convene, i: { by, departments: [] } })).toBe('DEPARTMENTS_REQUIRED');
    conf.feed(convene);
    expect(code(conf.state, convene, new Date(conf.now.getTime() + HOUR))).toBe('CONFERENCE_RUNNING');
  });
});
