import { CHANNELS, SIZE_CLASSES, URGENCIES } from '@fq/domain';
import { z } from 'zod';
import { type IntakeRequest, placeOf } from '../../intake/intake-request';
import { attachmentsSchema, categorySchema, idNumberSchema, outcomeSchema, phoneSchema, placeSchema, textSchema, titleSchema } from '../../shared/request-fields';

/** The body of POST /api/v1/cases: a request from any channel, as staff register it. */
export const createCaseSchema = z.strictObject({
  channel: z.enum(CHANNELS),
  title: titleSchema,
  description: textSchema,
  category: categorySchema.optional(),
  /** Beijing's classes: life or property at risk / utilities / general / complex. Detected from the text if absent. */
  urgency: z.enum(URGENCIES).optional(),
  /** 大中小: detected from the text if absent. */
  size: z.enum(SIZE_CLASSES).optional(),
  reportUpward: z.boolean().optional(),
  location: placeSchema.optional(),
  requester: z.strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(100),
    phone: phoneSchema,
    idNumber: idNumberSchema.optional(),
    /** The phone came from caller ID or was checked against an ID card. */
    phoneVerified: z.boolean().default(false),
  }),
  attachments: attachmentsSchema.optional(),
  outcome: outcomeSchema.optional(),
  /** The operator judged it a matter of its own: not linked to an open case, not merged into a cluster (不并单). */
  separate: z.boolean().optional(),
});

export type CreateCase = z.infer<typeof createCaseSchema>;

/** The staff form as intake's request: only the field names differ. */
export function fromStaffForm(input: CreateCase): IntakeRequest {
  return {
    channel: input.channel,
    title: input.title,
    description: input.description,
    categoryCode: input.category,
    urgency: input.urgency,
    size: input.size,
    reportUpward: input.reportUpward,
    ...placeOf(input.location),
    requester: input.requester,
    attachments: input.attachments,
    outcome: input.outcome,
    separate: input.separate,
  };
}
