import type { Level } from '../case';
import { addTime, deadline, durationMs, elapsed } from '../calendar';
import type { Duration, LevelLimits, SlaPolicy } from '../sla/policy';
import { currentEntry, type CaseState, type LevelEntry } from './state';

/** When a level has no limits in the rule: a plain 15 days, flagged overdue but not escalated. */
export const FALLBACK_LIMITS: LevelLimits = { signWithin: null, resolveWithin: { amount: 15, unit: 'days' }, basis: 'calendar', warnAt: [], escalateOnBreach: false, breachPoints: 0, maxExtension: null };

/** Defaults for rules written before these limits existed (ADR 0015). */
export const DEFAULT_REROUTE_WITHIN: Duration = { amount: 1, unit: 'days' };
export const DEFAULT_CALLBACK_WITHIN: Duration = { amount: 3, unit: 'days' };

export const limitsAt = (policy: SlaPolicy, level: Level): LevelLimits => policy.levels[level] ?? FALLBACK_LIMITS;
export const rerouteWithin = (policy: SlaPolicy): Duration => policy.rerouteWithin ?? DEFAULT_REROUTE_WITHIN;
export const callbackWithin = (policy: SlaPolicy): Duration => policy.callbackWithin ?? DEFAULT_CALLBACK_WITHIN;

/**
 * The current level's deadlines under `policy`, counted from the level's start, so time already
 * spent is kept; granted extensions are added and a supervision order's shorter deadline holds.
 * Pure: the workflow applies it, the admin preview shows it before anything changes.
 */
export function deadlinesUnder(state: CaseState, policy: SlaPolicy): { signBy?: string; resolveBy: string } {
  const entry = currentEntry(state) as LevelEntry;
  const lim = limitsAt(policy, state.level);
  const start = new Date(entry.enteredAt);
  let resolveBy = deadline(start, lim.resolveWithin, lim.basis, policy.calendar);
  for (const e of state.extensions) {
    if (e.decision === 'granted' && e.requestedAt >= entry.enteredAt) resolveBy = addTime(resolveBy, durationMs(e.extendBy), lim.basis, policy.calendar);
  }
  const shortened = state.supervisions.filter((x) => x.shortenedTo && x.at >= entry.enteredAt).map((x) => Date.parse(x.shortenedTo as string));
  return {
    ...(lim.signWithin ? { signBy: deadline(start, lim.signWithin, lim.basis, policy.calendar).toISOString() } : {}),
    resolveBy: new Date(Math.min(resolveBy.getTime(), ...shortened)).toISOString(),
  };
}

/** A level's deadlines when it is entered at `now`. */
export function deadlinesFrom(now: Date, lim: LevelLimits, policy: SlaPolicy): { signBy: string | null; resolveBy: string } {
  return {
    signBy: lim.signWithin ? deadline(now, lim.signWithin, lim.basis, policy.calendar).toISOString() : null,
    resolveBy: deadline(now, lim.resolveWithin, lim.basis, policy.calendar).toISOString(),
  };
}

/** The warning instants of the current level: fractions of its whole resolve window. */
export function warnings(state: CaseState, policy: SlaPolicy): { fraction: number; at: number }[] {
  const entry = currentEntry(state) as LevelEntry;
  const lim = limitsAt(policy, state.level);
  const start = new Date(entry.enteredAt);
  const window = elapsed(start, new Date(entry.resolveBy), lim.basis, policy.calendar);
  return lim.warnAt.map((fraction) => ({ fraction, at: addTime(start, Math.round(window * fraction), lim.basis, policy.calendar).getTime() }));
}
