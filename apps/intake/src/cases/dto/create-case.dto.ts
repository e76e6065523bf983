import { CHANNELS } from '@fq/domain';
import { z } from 'zod';

const phone = z
  .string()
  .trim()
  .regex(/^(\+?86)?1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'must be a mainland mobile number (11 digits starting with 1) or a landline like 0632-7711234');

/** The body of POST /api/v1/cases. */
export const createCaseSchema = z.strictObject({
  channel: z.enum(CHANNELS),
  title: z.string().trim().min(2, 'must have at least 2 characters').max(200),
  description: z.string().trim().min(1, 'must not be empty').max(10_000),
  category: z.string().trim().min(1).max(40).optional(),
  /** Beijing's classes: life or property at risk / utilities / general / complex. */
  urgency: z.enum(['emergency', 'urgent', 'normal', 'complex']).default('normal'),
  location: z
    .strictObject({
      lat: z.number().min(-90).max(90),
      lng: z.number().min(-180).max(180),
      address: z.string().trim().max(500).optional(),
    })
    .optional(),
  requester: z.strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(100),
    phone,
  }),
});

export type CreateCase = z.infer<typeof createCaseSchema>;
