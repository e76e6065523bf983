import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CaseStatus, Channel, Duration, Level, SlaPolicy, UnitChain, UnitRef } from '@fq/domain';

export type Urgency = 'emergency' | 'urgent' | 'normal' | 'complex';

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

export type Rating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

/** How a level ended for the case. */
export type LevelOutcome = 'escalated' | 'breached' | 'returned' | 'replied' | 'withdrawn' | 'conference-failed' | 'conference-decided';

export interface LevelEntry {
  level: Level;
  unitCode: string;
  unitName: string;
  workOrderId?: string;
  enteredAt: string;
  signedAt?: string;
  signBy?: string;
  resolveBy: string;
  leftAt?: string;
  outcome?: LevelOutcome;
  reason?: string;
  /** Designated by the centre after a dispute: may not be returned again. */
  designated: boolean;
  signBreached?: boolean;
}

export interface ExtensionRequest {
  by: string;
  reason: string;
  extendBy: Duration;
  requestedAt: string;
  decision?: 'granted' | 'refused';
  decidedBy?: string;
}

export interface Supervision {
  by: string;
  tier: string;
  note: string;
  at: string;
  shortenedTo?: string;
}

export interface CaseState {
  caseNumber: string;
  /** What the SLA rule matches on, kept so a new rule-set version can be applied to the running case. */
  facts: { channel: Channel; categoryCode: string | null; urgency: Urgency };
  status: CaseStatus;
  level: Level;
  unit: UnitRef;
  overdue: boolean;
  /** Thresholds (fractions of the resolve limit) already warned at this level. */
  warned: number[];
  levels: LevelEntry[];
  extensions: ExtensionRequest[];
  supervisions: Supervision[];
  reopenCount: number;
  reopensAtLevel: number;
  reply?: { by: string; result: string; at: string; rateBy: string };
  rating?: { rating: Rating; by: 'requester' | 'callback'; at: string };
  policy?: { ruleSetId: string; version: number; ruleId: string; name: string };
  /** Progress records sent to intake so far (their ids derive from it). */
  progressSeq: number;
}

/* Human actions: Updates, validated before they enter history, answered with the new state. */
export interface SignInput { by: string; unitCode: string }
export interface ReturnInput { by: string; unitCode: string; reason: string }
export interface RerouteInput { by: string; level: Level; unit: UnitRef }
export interface ExtensionInput { by: string; unitCode: string; reason: string; extendBy: Duration }
export interface ExtensionDecisionInput { by: string; grant: boolean }
export interface EscalateInput { by: string; reason: string }
export interface ReplyInput { by: string; unitCode: string; result: string }
export interface RateInput { rating: Rating; by: 'requester' | 'callback' }
export interface WithdrawInput { by: string; reason: string }
export interface ConveneInput { by: string; departments: UnitRef[]; reportWithin?: Duration }

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
export interface SuperviseInput { by: string; tier: string; note: string; shortenTo?: string }
export interface ApplyPolicyInput { policy: SlaPolicy; appliedBy: string }
export const superviseSignal = defineSignal<[SuperviseInput]>('supervise');
export const applyPolicySignal = defineSignal<[ApplyPolicyInput]>('applyPolicy');

export const caseStateQuery = defineQuery<CaseState>('caseState');
