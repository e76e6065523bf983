/** The fields every way in shares (phone, ID number, place, title, text, attachments, outcome), validated at each edge. */
import { EMERGENCY_SERVICES, NON_DISPATCH_OUTCOMES, isIdNumber, normalisePhone } from '@fq/domain';
import { z } from 'zod';

/** A mainland mobile (11 digits from 1, +86 allowed) or a landline like 0632-7711234; kept normalised. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^(\+?86[- ]?)?1\d{2}[- ]?\d{4}[- ]?\d{4}$|^0\d{2,3}-?\d{7,8}$/, 'must be a mainland mobile number (11 digits starting with 1) or a landline like 0632-7711234')
  .transform(normalisePhone);

export const idNumberSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isIdNumber, 'must be an 18-character resident ID number with a valid check character');

export const locationSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  address: z.string().trim().max(500).optional(),
});

/**
 * Where a request is: coordinates (lat and lng), an address in words, or both. An address alone is
 * placed by the known address it names (admin's address book); one it cannot place goes to the district.
 */
export const placeSchema = locationSchema.partial().superRefine((l, ctx) => {
  if ((l.lat === undefined) !== (l.lng === undefined)) ctx.addIssue({ code: 'custom', message: 'give lat and lng together', path: [l.lat === undefined ? 'lat' : 'lng'] });
  if (l.lat === undefined && l.lng === undefined && !l.address) ctx.addIssue({ code: 'custom', message: 'say where: lat and lng, an address, or both' });
});
export type Place = z.infer<typeof placeSchema>;

export const titleSchema = z.string().trim().min(2, 'must have at least 2 characters').max(200);
export const textSchema = z.string().trim().min(1, 'must not be empty').max(10_000);
export const categorySchema = z.string().trim().min(1).max(40);
export const attachmentsSchema = z.array(z.string().uuid('must be an attachment id from POST /api/v1/attachments')).max(9, 'at most 9 files per request');

/** A non-dispatch outcome (answered on the spot, court, arbitration, emergency, illegal) with its reason. */
export const outcomeSchema = z
  .strictObject({
    kind: z.enum(NON_DISPATCH_OUTCOMES),
    reason: z.string().trim().min(2, 'must say why (what was answered, which court or body, which service)').max(2000),
    handOff: z.enum(EMERGENCY_SERVICES).optional(),
  })
  .refine((o) => (o.kind === 'emergency') === (o.handOff !== undefined), { message: 'an emergency names the service it was handed to (110, 119 or 120), and only an emergency does', path: ['handOff'] });
