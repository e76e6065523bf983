import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  ApplyPolicyInput,
  CaseState,
  Channel,
  ConveneInput,
  EscalateInput,
  ExtensionDecisionInput,
  ExtensionInput,
  Level,
  RateInput,
  ReplyInput,
  RerouteInput,
  ReturnInput,
  SignInput,
  SlaPolicy,
  SuperviseInput,
  UnitChain,
  UnitRef,
  Urgency,
  WithdrawInput,
} from '@fq/domain';

// The case's state and the inputs people send are the ladder's (libs/domain/src/ladder); these
// names stay exported here for the apps that speak to the workflow.
export type {
  ApplyPolicyInput,
  CaseState,
  ConveneInput,
  EscalateInput,
  ExtensionDecisionInput,
  ExtensionInput,
  ExtensionRequest,
  LevelEntry,
  LevelOutcome,
  Rating,
  RateInput,
  ReplyInput,
  RerouteInput,
  ReturnInput,
  SignInput,
  SuperviseInput,
  Supervision,
  Urgency,
  WithdrawInput,
} from '@fq/domain';

export interface CaseWorkflowInput {
  caseNumber: string;
  channel: Channel;
  title: string;
  categoryCode: string | null;
  urgency?: Urgency;
  gridCode: string | null;
  /** The starting level, decided by triage. */
  level: Level;
  unit: UnitRef;
  /** Who holds each level above; from intake's org tree. */
  chain?: UnitChain;
  correlationId: string;
  /** Events after which the run continues as new (default 8000; lower it for drills and tests). */
  historyLimit?: number;
  /** Set on continue-as-new: where to carry on from. */
  resume?: { state: CaseState; policy: SlaPolicy };
}

/* Human actions: Updates, checked on arrival and again when applied, answered with the new state. */
export const signUpdate = defineUpdate<CaseState, [SignInput]>('sign');
export const returnUpdate = defineUpdate<CaseState, [ReturnInput]>('return');
export const rerouteUpdate = defineUpdate<CaseState, [RerouteInput]>('reroute');
export const requestExtensionUpdate = defineUpdate<CaseState, [ExtensionInput]>('requestExtension');
export const decideExtensionUpdate = defineUpdate<CaseState, [ExtensionDecisionInput]>('decideExtension');
export const escalateUpdate = defineUpdate<CaseState, [EscalateInput]>('escalate');
export const replyUpdate = defineUpdate<CaseState, [ReplyInput]>('reply');
export const rateUpdate = defineUpdate<CaseState, [RateInput]>('rate');
export const withdrawUpdate = defineUpdate<CaseState, [WithdrawInput]>('withdraw');
export const conveneUpdate = defineUpdate<CaseState, [ConveneInput]>('convene');

/* Signals: supervision (督办) and a rule-set version applied on purpose. */
export const superviseSignal = defineSignal<[SuperviseInput]>('supervise');
export const applyPolicySignal = defineSignal<[ApplyPolicyInput]>('applyPolicy');

export const caseStateQuery = defineQuery<CaseState>('caseState');
