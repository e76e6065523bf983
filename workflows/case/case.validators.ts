import { ApplicationFailure } from '@temporalio/workflow';
import { durationMs, escalationTarget, type LevelLimits, type UnitChain } from '@fq/domain';
import type {
  CaseState,
  ConveneInput,
  EscalateInput,
  ExtensionInput,
  RateInput,
  ReplyInput,
  RerouteInput,
  ReturnInput,
  SignInput,
  WithdrawInput,
} from './case.messages';

/** A refused action: answered at once, never enters history; `type` is the stable code. */
const refuse = (code: string, message: string): never => {
  throw ApplicationFailure.create({ type: code, message, nonRetryable: true });
};

const ACTIVE = ['assigned', 'signed'];
const current = (s: CaseState) => s.levels[s.levels.length - 1];

function mustHold(s: CaseState, unitCode: string): void {
  if (!ACTIVE.includes(s.status)) refuse('CASE_NOT_IN_HANDLING', `Case ${s.caseNumber} is ${s.status}, not being handled by a unit.`);
  if (unitCode !== s.unit.code) refuse('NOT_HANDLING_UNIT', `Unit ${unitCode} does not hold case ${s.caseNumber}; ${s.unit.name} (${s.unit.code}) does.`);
}

export const validateSign = (s: CaseState, i: SignInput) => {
  mustHold(s, i.unitCode);
  if (s.status === 'signed') refuse('ALREADY_SIGNED', `Case ${s.caseNumber} was already signed for.`);
};

export const validateReturn = (s: CaseState, i: ReturnInput) => {
  mustHold(s, i.unitCode);
  if (!i.reason.trim()) refuse('REASON_REQUIRED', 'Say why the case is misrouted.');
  if (current(s).designated) refuse('DESIGNATED_UNIT_CANNOT_RETURN', `Unit ${i.unitCode} was designated by the centre after a dispute and cannot return the case again.`);
};

export const validateReroute = (s: CaseState, _i: RerouteInput) => {
  if (s.status !== 'returned') refuse('CASE_NOT_RETURNED', `Only a returned case can be re-routed; case ${s.caseNumber} is ${s.status}.`);
};

export function validateExtension(s: CaseState, i: ExtensionInput, limits: LevelLimits): void {
  mustHold(s, i.unitCode);
  if (!i.reason.trim()) refuse('REASON_REQUIRED', 'Say why more time is needed.');
  if (s.extensions.some((e) => !e.decision)) refuse('EXTENSION_PENDING', 'An extension request is already waiting for a decision.');
  if (!limits.maxExtension) refuse('EXTENSION_NOT_ALLOWED', `No extension is allowed at level ${s.level} under the rule in force.`);
  const granted = s.extensions.filter((e) => e.decision === 'granted' && e.requestedAt >= current(s).enteredAt).reduce((sum, e) => sum + durationMs(e.extendBy), 0);
  if (granted + durationMs(i.extendBy) > durationMs(limits.maxExtension as NonNullable<LevelLimits['maxExtension']>)) {
    refuse('EXTENSION_TOO_LONG', `At most ${limits.maxExtension?.amount} ${limits.maxExtension?.unit} of extension in all at this level.`);
  }
}

export const validateExtensionDecision = (s: CaseState) => {
  if (!s.extensions.some((e) => !e.decision)) refuse('NO_EXTENSION_PENDING', 'There is no extension request to decide.');
};

export function validateEscalate(s: CaseState, i: EscalateInput, chain: UnitChain): void {
  if (![...ACTIVE, 'returned'].includes(s.status)) refuse('CASE_NOT_IN_HANDLING', `Case ${s.caseNumber} is ${s.status}.`);
  if (!i.reason.trim()) refuse('REASON_REQUIRED', 'Say why the case goes up a level.');
  if (!escalationTarget(s.level, chain)) refuse('TOP_OF_LADDER', 'The case is already at leader handling.');
}

export const validateReply = (s: CaseState, i: ReplyInput) => {
  mustHold(s, i.unitCode);
  if (s.status !== 'signed') refuse('CASE_NOT_SIGNED', 'Sign for the case before replying.');
  if (!i.result.trim()) refuse('RESULT_REQUIRED', 'Say what was done.');
};

export const validateRate = (s: CaseState, _i: RateInput) => {
  if (s.status !== 'replied' && s.status !== 'callback') refuse('NOTHING_TO_RATE', `Case ${s.caseNumber} has no reply waiting for a rating.`);
};

export const validateWithdraw = (s: CaseState, _i: WithdrawInput) => {
  if (s.status === 'closed' || s.status === 'withdrawn') refuse('CASE_ENDED', `Case ${s.caseNumber} is already ${s.status}.`);
};

export function validateConvene(s: CaseState, i: ConveneInput, conferenceRunning: boolean): void {
  if (s.level !== 'conference' || !ACTIVE.includes(s.status)) refuse('NOT_AT_CONFERENCE', 'A joint conference is convened only when the case is at the conference level.');
  if (conferenceRunning) refuse('CONFERENCE_RUNNING', 'The conference for this case is already running.');
  if (!i.departments.length) refuse('DEPARTMENTS_REQUIRED', 'Name the departments called to the conference (街乡吹哨、部门报到).');
}
