import { deadline } from '../calendar';
import type { SlaPolicy } from '../sla/policy';
import { escalationTarget } from './chain';
import { callbackWithin, warnings } from './limits';
import { currentEntry, isActive, type CaseState, type LevelEntry } from './state';
import type { Turn } from './turn';

const at = (iso: string | undefined): number => (iso ? Date.parse(iso) : Infinity);

/**
 * The next instant a timer matters, or undefined when the case only waits for people. Every
 * state that waits for someone has a limit: a rating (rateBy), a callback (callbackBy), a
 * re-routing (rerouteBy), and at a level the warnings, the sign and the resolve deadlines.
 * Nothing already acted on counts again, so a due instant is always followed by a change.
 */
export function nextDue(s: CaseState, policy: SlaPolicy): number | undefined {
  const entry = currentEntry(s);
  if (!entry) return undefined;
  const candidates: number[] = [];
  if (s.status === 'replied') candidates.push(at(s.reply?.rateBy));
  else if (s.status === 'callback') candidates.push(at(s.reply?.callbackBy));
  else if (s.status === 'returned') candidates.push(at(entry.rerouteBy));
  else if (isActive(s)) {
    if (!s.overdue) candidates.push(warnings(s, policy).find((w) => !s.warned.includes(w.fraction))?.at ?? Infinity, at(entry.resolveBy));
    if (s.status === 'assigned' && !entry.signBreached) candidates.push(at(entry.signBy));
  }
  const next = Math.min(Infinity, ...candidates);
  return Number.isFinite(next) ? next : undefined;
}

/** Acts on whatever limits have come due by `t.now`: late rating, late callback, re-routing, warnings, breaches. */
export function onDue(t: Turn): void {
  const s = t.s;
  const now = t.now.getTime();
  const entry = currentEntry(s) as LevelEntry;
  if (s.status === 'replied') {
    if (now >= at(s.reply?.rateBy) && s.reply) {
      s.status = 'callback';
      s.reply.callbackBy = deadline(t.now, callbackWithin(t.rules), 'calendar', t.rules.calendar).toISOString();
      t.progress('callback-due', { rateBy: s.reply.rateBy });
    }
    return;
  }
  if (s.status === 'callback') {
    if (now >= at(s.reply?.callbackBy)) closeNotReached(t);
    return;
  }
  if (s.status === 'returned') {
    if (now >= at(entry.rerouteBy)) rerouteOverdue(t);
    return;
  }
  if (!isActive(s)) return;
  // No warning once the deadline has passed: the breach says it all.
  if (now < at(entry.resolveBy)) {
    for (const w of warnings(s, t.rules)) {
      if (w.at <= now && !s.warned.includes(w.fraction) && !s.overdue) {
        s.warned.push(w.fraction);
        t.progress('sla-warning', { threshold: w.fraction });
      }
    }
  }
  const lim = t.limits();
  if (s.status === 'assigned' && !entry.signBreached && now >= at(entry.signBy)) {
    entry.signBreached = true;
    t.progress('sla-breached', { kind: 'sign', deadline: entry.signBy, points: lim.breachPoints }, true);
    if (lim.escalateOnBreach) return t.escalate('breached', 'not signed in time');
  }
  if (!s.overdue && isActive(s) && now >= at(entry.resolveBy)) {
    t.progress('sla-breached', { kind: 'resolve', deadline: entry.resolveBy, points: lim.breachPoints }, true);
    if (lim.escalateOnBreach && escalationTarget(s.level, t.ctx.chain)) return t.escalate('breached', 'not resolved in time');
    t.lapsePendingExtension();
    s.overdue = true;
    t.sync();
  }
}

/**
 * Nobody could be reached for the rating (回访): the case closes with no rating, said so in the
 * record, rather than waiting for good (ADR 0015).
 */
function closeNotReached(t: Turn): void {
  t.s.status = 'closed';
  t.sync();
  t.progress('closed', { rating: null, reason: 'callback-not-reached' });
}

/** The centre did not re-route a returned case in time: it goes up a level, or back to the top desk. */
function rerouteOverdue(t: Turn): void {
  const s = t.s;
  if (escalationTarget(s.level, t.ctx.chain)) return t.escalate('escalated', 'not re-routed in time');
  t.enterLevel(s.level, s.unit, true);
  t.progress('escalated', { from: s.level, to: s.level, cause: 'escalated', reason: 'not re-routed in time' });
}
