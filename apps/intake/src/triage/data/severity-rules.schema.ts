import { EMERGENCY_SERVICES, SIZE_CLASSES, URGENCIES } from '@fq/domain';
import { z } from 'zod';

/** A regular expression as its source, or its source and flags; it must compile. */
const pattern = z
  .union([z.string().min(1), z.strictObject({ source: z.string().min(1), flags: z.string().regex(/^[imsu]*$/, 'flags may be i, m, s, u') })])
  .transform((p, ctx) => {
    const [source, flags] = typeof p === 'string' ? [p, ''] : [p.source, p.flags];
    try {
      return new RegExp(source, flags);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `is not a regular expression: ${(e as Error).message}` });
      return z.NEVER;
    }
  });

const ruleSchema = z.strictObject({
  reason: z.string().min(1),
  /** Why the rule reads as it does; for people, not the code. */
  note: z.string().optional(),
  re: pattern,
  mode: z.enum(['now', 'fact', 'threat']),
  urgency: z.enum(URGENCIES).optional(),
  size: z.enum(SIZE_CLASSES).optional(),
  reportUpward: z.literal(true).optional(),
  handOff: z.enum(EMERGENCY_SERVICES).optional(),
  needs: z.string().min(1).optional(),
  minPeople: z.number().int().min(2).optional(),
  notAfter: pattern.optional(),
  notWith: pattern.optional(),
  alsoIn: pattern.optional(),
  notIn: pattern.optional(),
});

/** `severity-rules.json`: reasons are unique (the dispatcher reads them), and `needs` names another rule's reason. */
export const severityRulesSchema = z
  .strictObject({ rules: z.array(ruleSchema).min(1) })
  .superRefine(({ rules }, ctx) => {
    const reasons = new Set<string>();
    rules.forEach((r, i) => {
      if (reasons.has(r.reason)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'reason'], message: `"${r.reason}" is the reason of an earlier rule too` });
      reasons.add(r.reason);
    });
    rules.forEach((r, i) => {
      if (r.needs && !reasons.has(r.needs)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'needs'], message: `names "${r.needs}", which is no rule's reason` });
    });
  });
