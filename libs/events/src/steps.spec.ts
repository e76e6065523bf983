import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { EVENTS, EventType } from './catalog';
import { publishEvent } from './outbox';
import { stepEvent, StepRecord } from './step-event';
import { STEP_DETAILS, STEP_EVENTS, StepKind } from './steps';

const record = <K extends StepKind>(kind: K, details: Record<string, unknown>): StepRecord<K> => ({
  kind,
  caseNumber: '20261204000001',
  level: 'town',
  unitCode: 'T01',
  unitName: '东坝镇',
  at: '2026-12-04T08:00:00.000Z',
  resolveBy: '2026-12-09T08:00:00.000Z',
  overdue: false,
  details,
});

/** One step of each kind as the case workflow reports it today (workflows/case: `run.progress(kind, details)`). */
const TODAY: { [K in StepKind]: Record<string, unknown>[] } = {
  signed: [{ status: 'signed', by: 'town.clerk' }],
  returned: [{ status: 'returned', by: 'town.clerk', reason: '不属本镇' }],
  'extension-requested': [{ status: 'signed', by: 'town.clerk', reason: '需现场勘查', extendBy: { amount: 2, unit: 'days' } }],
  'extension-decided': [{ status: 'signed', by: 'dispatcher', decision: 'granted' }],
  escalated: [
    { status: 'assigned', from: 'town', to: 'district', cause: 'breached', reason: 'not resolved in time' },
    { status: 'assigned', from: 'town', to: 'district', cause: 'escalated', reason: 'unsatisfied 3 times at this level' },
    { status: 'assigned', from: 'conference', to: 'leader', cause: 'conference-failed', reason: 'conference failed: quorum (D02)' },
    { status: 'assigned', from: 'town', to: 'village', cause: 'rerouted', by: 'dispatcher' },
    { status: 'assigned', to: 'village', cause: 'rerouted', by: 'dispatcher' },
    { status: 'assigned', from: 'conference', to: 'conference', cause: 'conference-decided', decision: '住建局牵头', handlingUnits: [{ code: 'D01', name: '住建局' }] },
    { status: 'assigned', from: 'leader', to: 'leader', cause: 'escalated', reason: 'not re-routed in time' },
  ],
  replied: [{ status: 'replied', by: 'town.clerk', result: '已修复', rateBy: '2026-12-07T08:00:00.000Z' }],
  rated: [{ status: 'replied', rating: 'unsatisfied', by: 'requester' }],
  'callback-due': [{ status: 'callback', rateBy: '2026-12-07T08:00:00.000Z' }, { status: 'callback' }],
  reopened: [{ status: 'assigned', reopenCount: 1 }],
  closed: [{ status: 'closed', rating: 'basically_satisfied' }, { status: 'closed', rating: null, reason: 'callback-not-reached' }],
  withdrawn: [{ status: 'withdrawn', by: 'operator', reason: '已自行解决' }, { status: 'withdrawn', by: 'resident', reason: '已解决', mergedInto: '20261204000002' }],
  supervised: [
    { status: 'signed', by: 'supervisor', tier: 'yellow', note: '加快办理', shortenedTo: null },
    { status: 'signed', by: 'supervisor', tier: 'red', note: '立即办结', shortenedTo: '2026-12-04T07:00:00.000Z', immediateBreach: true },
  ],
  'sla-changed': [{ status: 'signed', ruleSetId: 'set-1', version: 3, appliedBy: 'admin' }],
  'sla-warning': [{ status: 'signed', threshold: 0.75 }],
  'sla-breached': [{ status: 'assigned', kind: 'sign', deadline: '2026-12-04T09:00:00.000Z', points: 2 }, { status: 'signed', kind: 'resolve', points: 2 }],
  'sla-policy-missing': [{ status: 'registered', reason: 'no SLA rule set is in force' }],
  'conference-result-ignored': [{ status: 'assigned', round: 1, outcome: 'decided', reason: 'the case had already left the conference level' }],
};

/** Paths of every object in a JSON Schema that takes arbitrary keys. */
function openObjects(node: unknown, path = '$'): string[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as Record<string, unknown>;
  const here = n.type === 'object' && (n.additionalProperties === undefined || n.additionalProperties === true || (typeof n.additionalProperties === 'object' && !Object.keys(n.additionalProperties as object).length)) ? [path] : [];
  return [...here, ...Object.entries(n).flatMap(([k, v]) => openObjects(v, `${path}.${k}`))];
}

describe('step events', () => {
  it.each(Object.keys(TODAY) as StepKind[])('%s: today\'s details parse into its event', (kind) => {
    for (const details of TODAY[kind]) {
      const event = stepEvent(record(kind, details));
      expect(event.type).toBe(STEP_EVENTS[kind]);
      expect(event.data).toMatchObject({ caseNumber: '20261204000001', status: details.status, details });
    }
  });

  it('refuses details that break their kind\'s schema, naming the field', () => {
    expect(() => stepEvent(record('sla-breached', { status: 'signed', kind: 'late', points: 2 }))).toThrow(/kind/);
    expect(() => stepEvent(record('escalated', { status: 'assigned', to: 'moon', cause: 'rerouted', by: 'x' }))).toThrow(/to/);
    expect(() => stepEvent(record('signed', { status: 'signing', by: 'x' }))).toThrow(/status/);
  });

  it('has a details schema and an event for every kind, and every event\'s payload is closed (no open record)', () => {
    expect(Object.keys(STEP_EVENTS).sort()).toEqual(Object.keys(STEP_DETAILS).sort());
    for (const type of Object.values(STEP_EVENTS)) expect(EVENTS).toHaveProperty([type]);
    const open = (Object.keys(EVENTS) as EventType[]).flatMap((t) => openObjects(z.toJSONSchema(EVENTS[t].schema), t));
    expect(open).toEqual([]);
  });

  it('type-checks publishing against the catalogue (checked by tsc; never run)', () => {
    const typed = async (m: EntityManager) => {
      const ctx = { producer: 't', correlationId: 'c', causationId: 'c' };
      // @ts-expect-error: sla.warning's details need a threshold
      await publishEvent(m, 'sla.warning', { ...stepEvent(record('signed', TODAY.signed[0])).data }, ctx);
      // @ts-expect-error: a step event carries the case's status as one of its statuses
      await publishEvent(m, 'case.closed', { ...stepEvent(record('closed', TODAY.closed[0])).data, status: 'done' }, ctx);
      const e = stepEvent(record('closed', TODAY.closed[0]));
      await publishEvent(m, e.type, e.data, ctx);
    };
    expect(typed).toBeInstanceOf(Function);
  });
});
