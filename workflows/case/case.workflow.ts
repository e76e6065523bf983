import { allHandlersFinished, condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { addTime, deadline, durationMs, levelWithUnit } from '@fq/domain';
import * as msg from './case.messages';
import { CaseState, CaseWorkflowInput } from './case.messages';
import { CaseRun, admin } from './case.run';
import * as v from './case.validators';

type Action =
  | { kind: 'sign'; i: msg.SignInput }
  | { kind: 'return'; i: msg.ReturnInput }
  | { kind: 'reroute'; i: msg.RerouteInput }
  | { kind: 'requestExtension'; i: msg.ExtensionInput }
  | { kind: 'decideExtension'; i: msg.ExtensionDecisionInput }
  | { kind: 'escalate'; i: msg.EscalateInput }
  | { kind: 'reply'; i: msg.ReplyInput }
  | { kind: 'rate'; i: msg.RateInput }
  | { kind: 'withdraw'; i: msg.WithdrawInput }
  | { kind: 'convene'; i: msg.ConveneInput }
  | { kind: 'supervise'; i: msg.SuperviseInput }
  | { kind: 'applyPolicy'; i: msg.ApplyPolicyInput };

const HISTORY_LIMIT = 8000;

/**
 * One per case (id `case-<number>`): the escalation ladder. At each level the unit is assigned,
 * must sign and resolve within the rule's limits (warnings on the way), and a breach records
 * points and moves the case up: grid → village → town → district → joint conference → leader.
 * People act through Updates (validated, answered with the new state), supervision and rule
 * changes arrive as Signals, and the state is readable by Query.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseState> {
  const chain = input.chain ?? { district: input.unit };
  const state: CaseState = input.resume?.state ?? {
    caseNumber: input.caseNumber,
    facts: { channel: input.channel, categoryCode: input.categoryCode, urgency: input.urgency ?? 'normal' },
    status: 'registered',
    level: input.level,
    unit: input.unit,
    overdue: false,
    warned: [],
    levels: [],
    extensions: [],
    supervisions: [],
    reopenCount: 0,
    reopensAtLevel: 0,
    progressSeq: 0,
  };
  const queue: { action: Action; done: boolean }[] = [];
  const enqueue = async (action: Action) => {
    const item = { action, done: false };
    queue.push(item);
    await condition(() => item.done);
    return state;
  };
  setHandler(msg.caseStateQuery, () => state);

  const policy =
    input.resume?.policy ??
    (await admin.resolveSlaPolicy({ caseNumber: input.caseNumber, channel: input.channel, categoryCode: input.categoryCode, urgency: input.urgency ?? 'normal', at: new Date(Date.now()).toISOString() }));
  const run = new CaseRun(input, state, policy, chain);
  state.policy = { ruleSetId: policy.ruleSetId, version: policy.version, ruleId: policy.ruleId, name: policy.name };

  const update = <I>(def: Parameters<typeof setHandler>[0], kind: Action['kind'], validator: (i: I) => void) =>
    setHandler(def as never, ((i: I) => enqueue({ kind, i } as Action)) as never, { validator } as never);
  update<msg.SignInput>(msg.signUpdate, 'sign', (i) => v.validateSign(state, i));
  update<msg.ReturnInput>(msg.returnUpdate, 'return', (i) => v.validateReturn(state, i));
  update<msg.RerouteInput>(msg.rerouteUpdate, 'reroute', (i) => v.validateReroute(state, i));
  update<msg.ExtensionInput>(msg.requestExtensionUpdate, 'requestExtension', (i) => v.validateExtension(state, i, run.limits()));
  update<msg.ExtensionDecisionInput>(msg.decideExtensionUpdate, 'decideExtension', () => v.validateExtensionDecision(state));
  update<msg.EscalateInput>(msg.escalateUpdate, 'escalate', (i) => v.validateEscalate(state, i, chain));
  update<msg.ReplyInput>(msg.replyUpdate, 'reply', (i) => v.validateReply(state, i));
  update<msg.RateInput>(msg.rateUpdate, 'rate', (i) => v.validateRate(state, i));
  update<msg.WithdrawInput>(msg.withdrawUpdate, 'withdraw', (i) => v.validateWithdraw(state, i));
  update<msg.ConveneInput>(msg.conveneUpdate, 'convene', (i) => v.validateConvene(state, i, !!run.conference && !run.conference.result));
  setHandler(msg.superviseSignal, (i) => void queue.push({ action: { kind: 'supervise', i }, done: false }));
  setHandler(msg.applyPolicySignal, (i) => void queue.push({ action: { kind: 'applyPolicy', i }, done: false }));

  if (!input.resume) {
    const start = levelWithUnit(input.level, chain);
    await run.enterLevel(start.level, start.level === input.level ? input.unit : start.unit);
  }

  while (!run.ended()) {
    const info = workflowInfo();
    if ((info.continueAsNewSuggested || info.historyLength > (input.historyLimit ?? HISTORY_LIMIT)) && !queue.length && !run.conference && allHandlersFinished()) {
      await continueAsNew<typeof caseWorkflow>({ ...input, resume: { state, policy: run.policy } });
    }
    const due = run.nextDue();
    const wake = () => queue.length > 0 || run.conference?.result !== undefined;
    const woken = due === undefined ? (await condition(wake), true) : await condition(wake, Math.max(due - Date.now(), 1));
    if (queue.length) {
      const item = queue.shift() as (typeof queue)[number];
      await apply(run, item.action);
      item.done = true;
    } else if (run.conference?.result) {
      await settleConference(run);
    } else if (!woken) {
      await run.handleDue();
    }
  }
  await condition(allHandlersFinished);
  return state;
}

async function apply(run: CaseRun, a: Action): Promise<void> {
  const s = run.state;
  const now = new Date(Date.now());
  switch (a.kind) {
    case 'sign':
      s.status = 'signed';
      run.entry.signedAt = now.toISOString();
      await run.progress('signed', { by: a.i.by });
      run.syncSearchAttributes();
      return;
    case 'return':
      await run.leaveLevel('returned', 'returned', a.i.reason);
      s.status = 'returned';
      run.syncSearchAttributes();
      return run.progress('returned', { by: a.i.by, reason: a.i.reason });
    case 'reroute':
      await run.enterLevel(a.i.level, a.i.unit, true);
      return run.progress('escalated', { from: run.state.levels[run.state.levels.length - 2]?.level, to: a.i.level, cause: 'rerouted', by: a.i.by });
    case 'requestExtension':
      s.extensions.push({ by: a.i.by, reason: a.i.reason, extendBy: a.i.extendBy, requestedAt: now.toISOString() });
      return run.progress('extension-requested', { by: a.i.by, reason: a.i.reason, extendBy: a.i.extendBy });
    case 'decideExtension': {
      const pending = s.extensions.find((e) => !e.decision);
      if (!pending) return;
      Object.assign(pending, { decision: a.i.grant ? 'granted' : 'refused', decidedBy: a.i.by });
      if (a.i.grant) {
        const lim = run.limits();
        run.entry.resolveBy = addTime(new Date(Date.parse(run.entry.resolveBy)), durationMs(pending.extendBy), lim.basis, run.policy.calendar).toISOString();
        run.syncSearchAttributes();
      }
      return run.progress('extension-decided', { by: a.i.by, decision: pending.decision });
    }
    case 'escalate':
      return run.escalate('escalated', a.i.reason);
    case 'reply': {
      await run.leaveLevel('replied', 'replied');
      const rateBy = deadline(now, run.policy.ratingWithin, 'calendar', run.policy.calendar).toISOString();
      s.reply = { by: a.i.by, result: a.i.result, at: now.toISOString(), rateBy };
      s.status = 'replied';
      run.syncSearchAttributes();
      return run.progress('replied', { by: a.i.by, result: a.i.result, rateBy });
    }
    case 'rate':
      return rate(run, a.i);
    case 'withdraw':
      if (!run.entry.leftAt) await run.leaveLevel('withdrawn', 'withdrawn', a.i.reason);
      s.status = 'withdrawn';
      run.syncSearchAttributes();
      return run.progress('withdrawn', { by: a.i.by, reason: a.i.reason });
    case 'convene':
      return run.convene(a.i);
    case 'supervise': {
      const shortenTo = a.i.shortenTo && Date.parse(a.i.shortenTo) < Date.parse(run.entry.resolveBy) ? a.i.shortenTo : undefined;
      s.supervisions.push({ by: a.i.by, tier: a.i.tier, note: a.i.note, at: now.toISOString(), ...(shortenTo ? { shortenedTo: shortenTo } : {}) });
      if (shortenTo && (s.status === 'assigned' || s.status === 'signed')) {
        run.entry.resolveBy = shortenTo;
        run.syncSearchAttributes();
      }
      return run.progress('supervised', { by: a.i.by, tier: a.i.tier, note: a.i.note, shortenedTo: shortenTo ?? null });
    }
    case 'applyPolicy':
      run.policy = a.i.policy;
      s.policy = { ruleSetId: a.i.policy.ruleSetId, version: a.i.policy.version, ruleId: a.i.policy.ruleId, name: a.i.policy.name };
      if (s.status === 'assigned' || s.status === 'signed') run.reapplyDeadlines();
      return run.progress('sla-changed', { ruleSetId: a.i.policy.ruleSetId, version: a.i.policy.version, appliedBy: a.i.appliedBy });
  }
}

/** Satisfied (or basically) closes the case (销号); unsatisfied reopens it, one level up after too many reopens. */
async function rate(run: CaseRun, i: msg.RateInput): Promise<void> {
  const s = run.state;
  s.rating = { rating: i.rating, by: i.by, at: new Date(Date.now()).toISOString() };
  await run.progress('rated', { rating: i.rating, by: i.by });
  if (i.rating !== 'unsatisfied') {
    s.status = 'closed';
    run.syncSearchAttributes();
    return run.progress('closed', { rating: i.rating });
  }
  s.reopenCount += 1;
  s.reopensAtLevel += 1;
  s.reply = undefined;
  if (s.reopensAtLevel > run.policy.reopenLimit) {
    await run.progress('reopened', { reopenCount: s.reopenCount });
    return run.escalate('escalated', `unsatisfied ${s.reopensAtLevel} times at this level`);
  }
  await run.enterLevel(s.level, s.unit, run.entry.designated);
  await run.progress('reopened', { reopenCount: s.reopenCount });
}

/** A decided conference hands the case to its lead unit at conference level; a failed one goes to leader handling. */
async function settleConference(run: CaseRun): Promise<void> {
  const result = run.conference?.result;
  run.conference = undefined;
  if (!result) return;
  if (result.outcome === 'failed') return run.escalate('conference-failed', `conference failed: ${result.reason} (${result.missing.join(', ')})`);
  await run.leaveLevel('conference-decided', 'closed', result.decision);
  await run.enterLevel('conference', result.handlingUnits[0], true);
  await run.progress('escalated', { from: 'conference', to: 'conference', cause: 'conference-decided', decision: result.decision, handlingUnits: result.handlingUnits });
}
