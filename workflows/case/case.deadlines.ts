import { addTime, deadline, durationMs, type LevelLimits, type SlaPolicy } from '@fq/domain';
import type { CaseState } from './case.messages';

/** When a level has no limits in the rule: a plain 15 days, flagged overdue but not escalated. */
export const FALLBACK_LIMITS: LevelLimits = { signWithin: null, resolveWithin: { amount: 15, unit: 'days' }, basis: 'calendar', warnAt: [], escalateOnBreach: false, breachPoints: 0, maxExtension: null };

export const limitsAt = (policy: SlaPolicy, level: CaseState['level']): LevelLimits => policy.levels[level] ?? FALLBACK_LIMITS;

/**
 * The current level's deadlines under `policy`, counted from the level's start, so time already
 * spent is kept; granted extensions are added and a supervision order's shorter deadline holds.
 * Pure: the workflow applies it, the admin preview shows it before anything changes.
 */
export function deadlinesUnder(state: CaseState, policy: SlaPolicy): { signBy?: string; resolveBy: string } {
  const entry = state.levels[state.levels.length - 1];
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
