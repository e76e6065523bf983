import { CASE_TYPES, CHANNELS, LEVELS, URGENCIES } from '@fq/domain';
import { z } from 'zod';
import { SLA_RULE_SET_STATUSES } from './sla-rule-set.entity';

/*
 * Shapes only: whether the numbers make sense (positive, ascending, no overlap) is the domain's
 * validateRuleSet, whose messages name the rule at fault.
 */

const duration = z.strictObject({ amount: z.number(), unit: z.enum(['seconds', 'minutes', 'hours', 'days']) });

const levelLimits = z.strictObject({
  signWithin: duration.nullable(),
  resolveWithin: duration,
  basis: z.enum(['calendar', 'working']),
  warnAt: z.array(z.number()).max(10),
  escalateOnBreach: z.boolean(),
  breachPoints: z.number(),
  maxExtension: duration.nullable(),
});

const rule = z.strictObject({
  id: z.string().trim().min(1).max(60),
  name: z.string().trim().min(1).max(200),
  match: z.strictObject({
    caseTypes: z.array(z.enum(CASE_TYPES)).max(CASE_TYPES.length).optional(),
    categories: z.array(z.string().max(40)).max(200).optional(),
    urgencies: z.array(z.enum(URGENCIES)).max(URGENCIES.length).optional(),
  }),
  levels: z.partialRecord(z.enum(LEVELS), levelLimits),
  ratingWithin: duration,
  reopenLimit: z.number(),
  rerouteWithin: duration.optional(),
  callbackWithin: duration.optional(),
  source: z.string().max(500).optional(),
});

const name = z.string().trim().min(1).max(100);

/** POST /api/v1/sla/rule-sets: your own rules, or a preset (its name unless you give one). */
export const createRuleSetSchema = z
  .strictObject({ name: name.optional(), rules: z.array(rule).min(1).max(200).optional(), preset: z.string().trim().min(1).max(60).optional() })
  .refine((b) => (b.rules === undefined) !== (b.preset === undefined), { message: 'give either rules or a preset, not both' })
  .refine((b) => b.preset !== undefined || b.name !== undefined, { message: 'a rule set of your own rules needs a name', path: ['name'] });
export type CreateRuleSet = z.infer<typeof createRuleSetSchema>;

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const activateSchema = z.preprocess((v) => v ?? {}, z.strictObject({ activeFrom: instant.optional() }));

export const listQuery = z.strictObject({ name: name.optional(), status: z.enum(SLA_RULE_SET_STATUSES).optional() });

export const resolveSchema = z.strictObject({
  channel: z.enum(CHANNELS),
  categoryCode: z.string().trim().min(1).max(40).nullable().optional(),
  urgency: z.enum(URGENCIES).optional(),
  at: instant.optional(),
});
