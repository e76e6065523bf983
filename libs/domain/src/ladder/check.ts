import { durationMs } from '../calendar';
import type { Duration, SlaPolicy } from '../sla/policy';
import { escalationTarget, type UnitChain } from './chain';
import { limitsAt } from './limits';
import { currentEntry, isActive, type ActionInput, type CaseState, type LevelEntry } from './state';

/** Why an action is refused: `code` is stable (the Update's failure type), `message` is for people. */
export interface Refusal {
  code: string;
  message: string;
}

/** What the rules are read against: the policy in force (none yet while it is missing) and the units above. */
export interface LadderContext {
  policy?: SlaPolicy;
  chain: UnitChain;
}

const no = (code: string, message: string): Refusal => ({ code, message });

function mustHold(s: CaseState, unitCode: string): Refusal | undefined {
  if (!isActive(s)) return no('CASE_NOT_IN_HANDLING', `Case ${s.caseNumber} is ${s.status}, not being handled by a unit.`);
  if (unitCode !== s.unit.code) return no('NOT_HANDLING_UNIT', `Unit ${unitCode} does not hold case ${s.caseNumber}; ${s.unit.name} (${s.unit.code}) does.`);
  return undefined;
}

/**
 * Whether a person may take this action now. The workflow's Update validators call it when the
 * action arrives, and `decide` calls it again when it is applied: two actions sent at the same
 * moment are both valid on arrival, but only the first still is when the second is applied.
 */
export function check(s: CaseState, a: ActionInput, ctx: LadderContext, now: Date): Refusal | undefined {
  const entry = currentEntry(s) as LevelEntry;
  switch (a.kind) {
    case 'sign':
      return mustHold(s, a.i.unitCode) ?? (s.status === 'signed' ? no('ALREADY_SIGNED', `Case ${s.caseNumber} was already signed for.`) : undefined);
    case 'return':
      return (
        mustHold(s, a.i.unitCode) ??
        (!a.i.reason.trim() ? no('REASON_REQUIRED', 'Say why the case is misrouted.') : undefined) ??
        (entry.designated ? no('DESIGNATED_UNIT_CANNOT_RETURN', `Unit ${a.i.unitCode} was designated by the centre after a dispute and cannot return the case again.`) : undefined)
      );
    case 'reroute':
      return s.status !== 'returned' ? no('CASE_NOT_RETURNED', `Only a returned case can be re-routed; case ${s.caseNumber} is ${s.status}.`) : undefined;
    case 'requestExtension':
      return mustHold(s, a.i.unitCode) ?? checkExtension(s, a.i.reason, a.i.extendBy, ctx, now);
    case 'decideExtension':
      return !s.extensions.some((e) => !e.decision) ? no('NO_EXTENSION_PENDING', 'There is no extension request to decide.') : undefined;
    case 'escalate':
      if (!isActive(s) && s.status !== 'returned') return no('CASE_NOT_IN_HANDLING', `Case ${s.caseNumber} is ${s.status}.`);
      if (!a.i.reason.trim()) return no('REASON_REQUIRED', 'Say why the case goes up a level.');
      return !escalationTarget(s.level, ctx.chain) ? no('TOP_OF_LADDER', 'The case is already at leader handling.') : undefined;
    case 'reply':
      return (
        mustHold(s, a.i.unitCode) ??
        (s.status !== 'signed' ? no('CASE_NOT_SIGNED', 'Sign for the case before replying.') : undefined) ??
        (!a.i.result.trim() ? no('RESULT_REQUIRED', 'Say what was done.') : undefined)
      );
    case 'rate':
      return s.status !== 'replied' && s.status !== 'callback' ? no('NOTHING_TO_RATE', `Case ${s.caseNumber} has no reply waiting for a rating.`) : undefined;
    case 'withdraw':
      return s.status === 'closed' || s.status === 'withdrawn' ? no('CASE_ENDED', `Case ${s.caseNumber} is already ${s.status}.`) : undefined;
    case 'convene':
      if (s.level !== 'conference' || !isActive(s)) return no('NOT_AT_CONFERENCE', 'A joint conference is convened only when the case is at the conference level.');
      if (s.conference) return no('CONFERENCE_RUNNING', 'The conference for this case is already running.');
      return !a.i.departments.length ? no('DEPARTMENTS_REQUIRED', 'Name the departments called to the conference (街乡吹哨、部门报到).') : undefined;
  }
}

/** An extension moves a deadline not yet passed, one request at a time, within the level's maximum. */
function checkExtension(s: CaseState, reason: string, extendBy: Duration, ctx: LadderContext, now: Date): Refusal | undefined {
  const entry = currentEntry(s) as LevelEntry;
  if (!reason.trim()) return no('REASON_REQUIRED', 'Say why more time is needed.');
  if (s.overdue || now.getTime() >= Date.parse(entry.resolveBy)) return no('DEADLINE_PASSED', `The deadline at level ${s.level} has already passed (${entry.resolveBy}); an extension cannot undo a breach.`);
  if (s.extensions.some((e) => !e.decision)) return no('EXTENSION_PENDING', 'An extension request is already waiting for a decision.');
  const limits = ctx.policy ? limitsAt(ctx.policy, s.level) : undefined;
  const max = limits?.maxExtension;
  if (!max) return no('EXTENSION_NOT_ALLOWED', `No extension is allowed at level ${s.level} under the rule in force.`);
  const granted = s.extensions.filter((e) => e.decision === 'granted' && e.requestedAt >= entry.enteredAt).reduce((sum, e) => sum + durationMs(e.extendBy), 0);
  if (granted + durationMs(extendBy) > durationMs(max)) return no('EXTENSION_TOO_LONG', `At most ${max.amount} ${max.unit} of extension in all at this level.`);
  return undefined;
}
