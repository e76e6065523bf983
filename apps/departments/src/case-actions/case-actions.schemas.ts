import { LEVELS } from '@fq/domain';
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const unit = z.strictObject({ code: text(40), name: text(100) });
const duration = z.strictObject({ amount: z.number().positive(), unit: z.enum(['minutes', 'hours', 'days']) });

export const reasonSchema = z.strictObject({ reason: text(2000) });
export const extensionSchema = z.strictObject({ reason: text(2000), extendBy: duration });
export const extensionDecisionSchema = z.strictObject({ grant: z.boolean() });
export const replySchema = z.strictObject({ result: text(10_000) });
export const rerouteSchema = z.strictObject({ level: z.enum(LEVELS), unit });
export const conveneSchema = z.strictObject({ departments: z.array(unit).min(1).max(30), reportWithin: duration.optional() });
export const supervisionSchema = z.strictObject({
  tier: z.enum(['受理部门回访', '联席办督导', '代表委员督评', '融媒问政', '纪委监委问责']),
  note: text(2000),
  shortenTo: z.string().datetime({ offset: true }).optional(),
});
export const reportSchema = z.strictObject({ report: text(5000) });
export const decisionSchema = z.strictObject({ decision: text(5000), handlingUnits: z.array(unit).min(1).max(10) });
