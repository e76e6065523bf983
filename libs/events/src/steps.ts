import { CASE_STATUSES, LEVELS } from '@fq/domain';
import { z } from 'zod';

/**
 * The details of each step the case workflow reports (`run.progress(kind, details)` in
 * workflows/case), one schema per kind. Every step carries the case's status after it; the
 * rest is what that step adds. Intake parses the workflow's record against these before it
 * publishes the step's event, so an event never carries a shape the catalogue does not name.
 */
const status = z.enum(CASE_STATUSES);
const at = z.string().datetime({ offset: true });
const by = z.string().describe('Login of the person (or system) that acted.');
const unit = z.object({ code: z.string(), name: z.string() });
const duration = z.object({ amount: z.number(), unit: z.enum(['seconds', 'minutes', 'hours', 'days']) });
const rating = z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']);
const details = <S extends z.ZodRawShape>(shape: S) => z.object({ status, ...shape });

/** The three ways a case moves on the ladder, told apart by `cause`. */
const escalated = z.discriminatedUnion('cause', [
  details({
    cause: z.enum(['breached', 'escalated', 'conference-failed']),
    from: z.enum(LEVELS),
    to: z.enum(LEVELS),
    reason: z.string(),
  }).describe('A breach, a deliberate escalation (提级), too many reopens, or a failed joint conference moved the case one level up.'),
  details({ cause: z.literal('rerouted'), from: z.enum(LEVELS).optional(), to: z.enum(LEVELS), by }).describe('The centre re-routed the case to a unit it chose.'),
  details({
    cause: z.literal('conference-decided'),
    from: z.literal('conference'),
    to: z.literal('conference'),
    decision: z.string(),
    handlingUnits: z.array(unit),
  }).describe('The joint conference (联席会议) decided; its lead unit handles the case.'),
]);

export const STEP_DETAILS = {
  signed: details({ by }),
  returned: details({ by, reason: z.string() }),
  'extension-requested': details({ by, reason: z.string(), extendBy: duration }),
  'extension-decided': details({ by, decision: z.enum(['granted', 'refused']) }),
  escalated,
  replied: details({ by, result: z.string(), rateBy: at }),
  rated: details({ rating, by: z.enum(['requester', 'callback']) }),
  'callback-due': details({ rateBy: at.optional() }),
  reopened: details({ reopenCount: z.number().int().positive() }),
  closed: details({
    rating: rating.exclude(['unsatisfied']).nullable().describe('The rating that closed the case; null when a callback could not reach the requester in time.'),
    reason: z.literal('callback-not-reached').optional(),
  }),
  withdrawn: details({ by, reason: z.string(), mergedInto: z.string().optional().describe('Set when a request merged into a cluster (并单) withdrew itself: its lead carries on.') }),
  supervised: details({ by, tier: z.string(), note: z.string(), shortenedTo: at.nullable().describe('The resolve deadline the order set, when it shortened it.'), immediateBreach: z.literal(true).optional().describe('The deadline the order set had already passed: the level is breached at once.') }),
  'sla-changed': details({ ruleSetId: z.string(), version: z.number().int(), appliedBy: z.string() }),
  'sla-warning': details({ threshold: z.number().describe('The fraction of the resolve window that has passed.') }),
  'sla-breached': details({ kind: z.enum(['sign', 'resolve']), deadline: at.optional(), points: z.number() }),
  'conference-result-ignored': details({
    round: z.number().int(),
    outcome: z.enum(['decided', 'failed']),
    reason: z.string().describe('Why the result changes nothing: the case had already left the conference level.'),
  }),
  'sla-policy-missing': details({ reason: z.string().describe('Why no SLA rule applies (no rule set in force, no matching rule); the case waits until one does.') }),
} as const;

export type StepKind = keyof typeof STEP_DETAILS;
export type StepDetails<K extends StepKind> = z.infer<(typeof STEP_DETAILS)[K]>;

/** Which event announces each step. */
export const STEP_EVENTS = {
  signed: 'case.signed',
  returned: 'case.returned',
  'extension-requested': 'case.extension-requested',
  'extension-decided': 'case.extension-decided',
  escalated: 'case.escalated',
  replied: 'case.replied',
  rated: 'case.rated',
  'callback-due': 'case.callback-due',
  reopened: 'case.reopened',
  closed: 'case.closed',
  withdrawn: 'case.withdrawn',
  supervised: 'case.supervised',
  'sla-changed': 'sla.changed',
  'sla-warning': 'sla.warning',
  'sla-breached': 'sla.breached',
  'sla-policy-missing': 'sla.policy-missing',
  'conference-result-ignored': 'case.conference-result-ignored',
} as const satisfies Record<StepKind, string>;

/** What every step of a case on the ladder carries: where it is now and its deadline. */
export const progress = <D extends z.ZodType>(details: D) =>
  z.object({
    caseNumber: z.string(),
    level: z.enum(LEVELS),
    unitCode: z.string(),
    unitName: z.string(),
    status,
    at,
    resolveBy: at.nullable(),
    overdue: z.boolean(),
    details,
  });
