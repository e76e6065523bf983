import { ApplicationFailure, allHandlersFinished, condition, continueAsNew, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { check, decide, isEnded, nextDue, openCase, withWorkOrder, type ActionInput, type CaseState, type ConferenceOutcome, type LadderInput, type Refusal, type SlaPolicy } from '@fq/domain';
import * as msg from './case.messages';
import type { SlaFacts } from './case.activities';
import type { CaseWorkflowInput } from './case.messages';
import { CaseEffects, resolvePolicy } from './case.effects';

const HISTORY_LIMIT = 8000;
/** How often a case with no SLA policy asks again at first (an applied rule set wakes it at once). */
const POLICY_RETRY = '5 minutes';

type Queued = { input: LadderInput; done: boolean; refusal?: Refusal };
type Action<K extends ActionInput['kind']> = Extract<ActionInput, { kind: K }>;

const refuse = (r: Refusal): never => {
  throw ApplicationFailure.create({ type: r.code, message: r.message, nonRetryable: true });
};

/**
 * One per case (id `case-<number>`): the escalation ladder. The rules are `decide` in
 * libs/domain/src/ladder; this function only feeds it inputs (Updates from people, Signals,
 * timers that came due, a conference's result) one at a time and carries out the effects.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseState> {
  const chain = input.chain ?? { district: input.unit };
  let state: CaseState = input.resume?.state ?? openCase(input);
  let policy: SlaPolicy | undefined = input.resume?.policy;
  const queue: Queued[] = [];
  const conferences: { round: number; result: ConferenceOutcome }[] = [];
  const effects = new CaseEffects(input, {
    workOrder: (entry, id) => (state = withWorkOrder(state, entry, id)),
    conferenceResult: (round, result) => conferences.push({ round, result }),
  });
  const feed = async (i: LadderInput): Promise<Refusal | undefined> => {
    const d = decide(state, i, { policy, chain }, new Date(Date.now()));
    [state, policy] = [d.state, d.policy];
    await effects.run(d.effects);
    return d.refusal;
  };
  setHandler(msg.caseStateQuery, () => state);

  const onAction = <K extends ActionInput['kind']>(def: UpdateDefinition<CaseState, [Action<K>['i']]>, kind: K) =>
    setHandler(def, async (i: Action<K>['i']) => {
      const item: Queued = { input: { kind, i } as Action<K>, done: false };
      queue.push(item);
      await condition(() => item.done);
      return item.refusal ? refuse(item.refusal) : state;
    }, { validator: (i: Action<K>['i']) => {
      const r = check(state, { kind, i } as Action<K>, { policy, chain }, new Date(Date.now()));
      if (r) refuse(r);
    } });
  onAction(msg.signUpdate, 'sign');
  onAction(msg.returnUpdate, 'return');
  onAction(msg.rerouteUpdate, 'reroute');
  onAction(msg.requestExtensionUpdate, 'requestExtension');
  onAction(msg.decideExtensionUpdate, 'decideExtension');
  onAction(msg.escalateUpdate, 'escalate');
  onAction(msg.replyUpdate, 'reply');
  onAction(msg.rateUpdate, 'rate');
  onAction(msg.withdrawUpdate, 'withdraw');
  onAction(msg.conveneUpdate, 'convene');
  setHandler(msg.superviseSignal, (i) => void queue.push({ input: { kind: 'supervise', i }, done: false }));
  setHandler(msg.applyPolicySignal, (i) => void queue.push({ input: { kind: 'applyPolicy', i }, done: false }));
  const next = async () => {
    const item = queue.shift() as Queued;
    item.refusal = await feed(item.input);
    item.done = true;
  };

  /** The policy the case starts with; none in force: say so once, then ask again on a durable timer. */
  const firstPolicy = async () => {
    const facts = (): SlaFacts => ({ caseNumber: input.caseNumber, channel: input.channel, categoryCode: input.categoryCode, urgency: input.urgency ?? 'normal', at: new Date(Date.now()).toISOString() });
    const found = await resolvePolicy(facts());
    if (!('missing' in found)) return (policy = found);
    await feed({ kind: 'policyMissing', reason: found.missing });
    for (let tries = 1; !policy && !isEnded(state); tries++) {
      // Every few minutes for the first hour, then hourly, so a long wait stays a short history.
      if (await condition(() => queue.length > 0, tries <= 12 ? POLICY_RETRY : '1 hour')) await next();
      else {
        const again = await resolvePolicy(facts());
        if (!('missing' in again)) policy = again;
      }
    }
  };
  if (!input.resume) {
    await firstPolicy();
    if (!isEnded(state)) await feed({ kind: 'start' });
  }

  while (!isEnded(state)) {
    const info = workflowInfo();
    if ((info.continueAsNewSuggested || info.historyLength > (input.historyLimit ?? HISTORY_LIMIT)) && !queue.length && !state.conference && allHandlersFinished() && policy) {
      await continueAsNew<typeof caseWorkflow>({ ...input, resume: { state, policy } });
    }
    const due = timerFor(state, policy);
    const wake = () => queue.length > 0 || conferences.length > 0;
    const woken = due === undefined ? (await condition(wake), true) : await condition(wake, Math.max(due - Date.now(), 1));
    if (queue.length) await next();
    else if (conferences.length) await feed({ kind: 'conferenceResult', ...(conferences.shift() as (typeof conferences)[number]) });
    else if (!woken) await feed({ kind: 'due' });
  }
  await condition(allHandlersFinished);
  return state;
}

/** The limits on a returned case and a late callback came with ADR 0015: runs started before it keep none. */
function timerFor(state: CaseState, policy: SlaPolicy | undefined): number | undefined {
  const due = policy && nextDue(state, policy);
  if (due === undefined) return undefined;
  if ((state.status === 'returned' || state.status === 'callback') && !patched('ladder-state-limits')) return undefined;
  return due;
}
