import type { CaseStatus, Channel, Level } from '../case';
import type { Duration, SlaPolicy } from '../sla/policy';
import type { Urgency } from '../sla/rules';
import type { UnitRef } from './chain';

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
  /** Returned as misrouted: the centre re-routes it by then, or it goes up a level. */
  rerouteBy?: string;
}

export interface ExtensionRequest {
  by: string;
  reason: string;
  extendBy: Duration;
  requestedAt: string;
  /** lapsed: still undecided when its level ended or its deadline passed; it moves nothing. */
  decision?: 'granted' | 'refused' | 'lapsed';
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
  /** The current level's resolve deadline was breached (once per level: never breached twice). */
  overdue: boolean;
  /** Thresholds (fractions of the resolve limit) already warned at this level. */
  warned: number[];
  levels: LevelEntry[];
  extensions: ExtensionRequest[];
  supervisions: Supervision[];
  reopenCount: number;
  reopensAtLevel: number;
  /** callbackBy: the callback (回访) is made by then, or the case closes as not reached. */
  reply?: { by: string; result: string; at: string; rateBy: string; callbackBy?: string };
  rating?: { rating: Rating; by: 'requester' | 'callback'; at: string };
  policy?: { ruleSetId: string; version: number; ruleId: string; name: string };
  /** Progress records sent to intake so far (their ids derive from it). */
  progressSeq: number;
  /** The joint conference running for the current conference-level entry (index into `levels`). */
  conference?: { round: number; entry: number };
}

/* Human actions (Updates): checked when they arrive and again when they are applied. */
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

/* Signals: supervision (督办) and a rule-set version applied on purpose. */
export interface SuperviseInput { by: string; tier: string; note: string; shortenTo?: string }
export interface ApplyPolicyInput { policy: SlaPolicy; appliedBy: string }

/** What a joint conference ended with (the child workflow's result). */
export type ConferenceOutcome =
  | { outcome: 'decided'; decision: string; handlingUnits: UnitRef[] }
  | { outcome: 'failed'; reason: 'reports-missing' | 'no-decision'; missing: string[] };

export type ActionInput =
  | { kind: 'sign'; i: SignInput }
  | { kind: 'return'; i: ReturnInput }
  | { kind: 'reroute'; i: RerouteInput }
  | { kind: 'requestExtension'; i: ExtensionInput }
  | { kind: 'decideExtension'; i: ExtensionDecisionInput }
  | { kind: 'escalate'; i: EscalateInput }
  | { kind: 'reply'; i: ReplyInput }
  | { kind: 'rate'; i: RateInput }
  | { kind: 'withdraw'; i: WithdrawInput }
  | { kind: 'convene'; i: ConveneInput };

/** Everything the ladder reacts to. */
export type LadderInput =
  | ActionInput
  | { kind: 'supervise'; i: SuperviseInput }
  | { kind: 'applyPolicy'; i: ApplyPolicyInput }
  | { kind: 'start' }
  | { kind: 'policyMissing'; reason: string }
  | { kind: 'due' }
  | { kind: 'conferenceResult'; round: number; result: ConferenceOutcome };

/** A case before its first level: registered, waiting for its policy and its first work order. */
export function openCase(c: { caseNumber: string; channel: Channel; categoryCode: string | null; urgency?: Urgency; level: Level; unit: UnitRef }): CaseState {
  return {
    caseNumber: c.caseNumber,
    facts: { channel: c.channel, categoryCode: c.categoryCode, urgency: c.urgency ?? 'normal' },
    status: 'registered',
    level: c.level,
    unit: c.unit,
    overdue: false,
    warned: [],
    levels: [],
    extensions: [],
    supervisions: [],
    reopenCount: 0,
    reopensAtLevel: 0,
    progressSeq: 0,
  };
}

export const ACTIVE_STATUSES: readonly CaseStatus[] = ['assigned', 'signed'];
export const isActive = (s: CaseState): boolean => ACTIVE_STATUSES.includes(s.status);
export const isEnded = (s: CaseState): boolean => s.status === 'closed' || s.status === 'withdrawn';
export const currentEntry = (s: CaseState): LevelEntry | undefined => s.levels[s.levels.length - 1];
