import { addTime, deadline, durationMs } from '../calendar';
import type { SlaPolicy } from '../sla/policy';
import { escalationTarget, levelWithUnit } from './chain';
import { check, type LadderContext, type Refusal } from './check';
import { onDue } from './due';
import type { Effect } from './effects';
import { deadlinesUnder, rerouteWithin } from './limits';
import { isActive, type ActionInput, type CaseState, type ConferenceOutcome, type LadderInput, type RateInput } from './state';
import { Turn } from './turn';

export interface Decision {
  state: CaseState;
  /** What the workflow carries out, in this order. */
  effects: Effect[];
  /** The policy in force afterwards (a new one after `applyPolicy`). */
  policy: SlaPolicy | undefined;
  /** Set when an action is refused as it is applied; the state is then unchanged. */
  refusal?: Refusal;
}

const ACTIONS: ReadonlySet<LadderInput['kind']> = new Set(['sign', 'return', 'reroute', 'requestExtension', 'decideExtension', 'escalate', 'reply', 'rate', 'withdraw', 'convene']);

/**
 * The ladder's rules (ADR 0014): given the case, one input and the rules in force, the next state
 * and the effects to carry out. Pure: no clock but `now`, no I/O, the input state is not changed.
 * Human actions are checked again here, so of two conflicting actions only the first applies.
 */
export function decide(state: CaseState, input: LadderInput, ctx: LadderContext, now: Date): Decision {
  if (ACTIONS.has(input.kind)) {
    const refusal = check(state, input as ActionInput, ctx, now);
    if (refusal) return { state, effects: [], policy: ctx.policy, refusal };
  }
  const t = new Turn(JSON.parse(JSON.stringify(state)) as CaseState, ctx, ctx.policy, now);
  step(t, input);
  return { state: t.s, effects: t.effects, policy: t.policy };
}

function step(t: Turn, a: LadderInput): void {
  const s = t.s;
  switch (a.kind) {
    case 'start': {
      const p = t.rules;
      s.policy = { ruleSetId: p.ruleSetId, version: p.version, ruleId: p.ruleId, name: p.name };
      const start = levelWithUnit(s.level, t.ctx.chain);
      return t.enterLevel(start.level, start.level === s.level ? s.unit : start.unit);
    }
    case 'due':
      return onDue(t);
    case 'policyMissing':
      // Loud, not failed: intake puts the case on the dispatcher's list; the workflow retries.
      return t.progress('sla-policy-missing', { reason: a.reason });
    case 'conferenceResult':
      return settleConference(t, a.round, a.result);
    case 'sign':
      s.status = 'signed';
      t.entry.signedAt = t.at;
      t.progress('signed', { by: a.i.by });
      return t.sync();
    case 'return':
      t.leaveLevel('returned', 'returned', a.i.reason);
      t.entry.rerouteBy = deadline(t.now, rerouteWithin(t.rules), 'calendar', t.rules.calendar).toISOString();
      s.status = 'returned';
      t.sync();
      return t.progress('returned', { by: a.i.by, reason: a.i.reason });
    case 'reroute':
      t.enterLevel(a.i.level, a.i.unit, true);
      return t.progress('escalated', { from: s.levels[s.levels.length - 2]?.level, to: a.i.level, cause: 'rerouted', by: a.i.by });
    case 'requestExtension':
      s.extensions.push({ by: a.i.by, reason: a.i.reason, extendBy: a.i.extendBy, requestedAt: t.at });
      return t.progress('extension-requested', { by: a.i.by, reason: a.i.reason, extendBy: a.i.extendBy });
    case 'decideExtension': {
      const pending = s.extensions.find((e) => !e.decision);
      if (!pending) return;
      Object.assign(pending, { decision: a.i.grant ? 'granted' : 'refused', decidedBy: a.i.by });
      if (a.i.grant) {
        t.entry.resolveBy = addTime(new Date(t.entry.resolveBy), durationMs(pending.extendBy), t.limits().basis, t.rules.calendar).toISOString();
        t.sync();
      }
      return t.progress('extension-decided', { by: a.i.by, decision: pending.decision });
    }
    case 'escalate':
      return t.escalate('escalated', a.i.reason);
    case 'reply': {
      t.leaveLevel('replied', 'replied');
      const rateBy = deadline(t.now, t.rules.ratingWithin, 'calendar', t.rules.calendar).toISOString();
      s.reply = { by: a.i.by, result: a.i.result, at: t.at, rateBy };
      s.status = 'replied';
      t.sync();
      return t.progress('replied', { by: a.i.by, result: a.i.result, rateBy });
    }
    case 'rate':
      return rate(t, a.i);
    case 'withdraw':
      if (s.levels.length && !t.entry.leftAt) t.leaveLevel('withdrawn', 'withdrawn', a.i.reason);
      s.status = 'withdrawn';
      t.sync();
      return t.progress('withdrawn', { by: a.i.by, reason: a.i.reason });
    case 'convene': {
      const round = s.levels.filter((l) => l.level === 'conference').length;
      const lim = t.limits('conference');
      s.conference = { round, entry: s.levels.length - 1 };
      t.effects.push({ kind: 'startConference', round, convener: s.unit, departments: a.i.departments, reportWithin: a.i.reportWithin ?? lim.signWithin ?? { amount: 3, unit: 'days' }, decideWithin: lim.resolveWithin });
      return;
    }
    case 'supervise':
      return supervise(t, a.i);
    case 'applyPolicy': {
      const p = a.i.policy;
      t.policy = p;
      s.policy = { ruleSetId: p.ruleSetId, version: p.version, ruleId: p.ruleId, name: p.name };
      if (isActive(s)) {
        // The level keeps its breach: a deadline already breached is never breached again.
        const { signBy, resolveBy } = deadlinesUnder(s, p);
        Object.assign(t.entry, { resolveBy, signBy });
        t.sync();
      }
      return t.progress('sla-changed', { ruleSetId: p.ruleSetId, version: p.version, appliedBy: a.i.appliedBy });
    }
  }
}

/** Satisfied (or basically) closes the case (销号); unsatisfied reopens it, one level up after too many reopens. */
function rate(t: Turn, i: RateInput): void {
  const s = t.s;
  s.rating = { rating: i.rating, by: i.by, at: t.at };
  t.progress('rated', { rating: i.rating, by: i.by });
  if (i.rating !== 'unsatisfied') {
    s.status = 'closed';
    t.sync();
    return t.progress('closed', { rating: i.rating });
  }
  s.reopenCount += 1;
  s.reopensAtLevel += 1;
  s.reply = undefined;
  if (s.reopensAtLevel > t.rules.reopenLimit && escalationTarget(s.level, t.ctx.chain)) {
    t.progress('reopened', { reopenCount: s.reopenCount });
    return t.escalate('escalated', `unsatisfied ${s.reopensAtLevel} times at this level`);
  }
  // Within the limit, or at the top where there is no level above: back to the same desk.
  t.enterLevel(s.level, s.unit, t.entry.designated);
  t.progress('reopened', { reopenCount: s.reopenCount });
}

/**
 * A decided conference hands the case to its lead unit at conference level; a failed one goes to
 * leader handling. A result for a conference the case has moved past changes nothing but is told.
 */
function settleConference(t: Turn, round: number, result: ConferenceOutcome): void {
  const s = t.s;
  if (s.conference?.round !== round) {
    const reason = result.outcome === 'failed' ? `${result.reason} (${result.missing.join(', ')})` : result.decision;
    return t.progress('conference-result-ignored', { round, outcome: result.outcome, reason });
  }
  s.conference = undefined;
  if (result.outcome === 'failed') return t.escalate('conference-failed', `conference failed: ${result.reason} (${result.missing.join(', ')})`);
  t.leaveLevel('conference-decided', 'closed', result.decision);
  t.enterLevel('conference', result.handlingUnits[0], true);
  t.progress('escalated', { from: 'conference', to: 'conference', cause: 'conference-decided', decision: result.decision, handlingUnits: result.handlingUnits });
}

/**
 * A supervision order (督办) may shorten the level's deadline. One already past is an immediate
 * breach, said so in the record, with no warnings before it.
 */
function supervise(t: Turn, i: { by: string; tier: string; note: string; shortenTo?: string }): void {
  const s = t.s;
  const entry = s.levels.length ? t.entry : undefined;
  const shortenTo = entry && i.shortenTo && Date.parse(i.shortenTo) < Date.parse(entry.resolveBy) ? i.shortenTo : undefined;
  s.supervisions.push({ by: i.by, tier: i.tier, note: i.note, at: t.at, ...(shortenTo ? { shortenedTo: shortenTo } : {}) });
  const applies = !!shortenTo && isActive(s);
  if (applies) {
    t.entry.resolveBy = shortenTo as string;
    t.sync();
  }
  const immediate = applies && !s.overdue && Date.parse(shortenTo as string) <= t.now.getTime();
  t.progress('supervised', { by: i.by, tier: i.tier, note: i.note, shortenedTo: shortenTo ?? null, ...(immediate ? { immediateBreach: true } : {}) });
  if (immediate) onDue(t);
}
