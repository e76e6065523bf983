import { normaliseAddress } from '@fq/domain';
import { z } from 'zod';

/** 2–100 characters after trimming, and at least two that are not spaces or punctuation: matchAddress ignores shorter names. */
const placeName = z
  .string()
  .trim()
  .min(2)
  .max(100)
  .refine((s) => Array.from(normaliseAddress(s)).length >= 2, { message: 'needs at least two characters besides spaces and punctuation' });

const aliases = z.array(placeName).max(20);

/** WGS-84 degrees, as the grid map is drawn. In China a latitude over 90 is nearly always a longitude put first. */
const point = z.strictObject({
  lat: z.number().min(-90).max(90, 'at most 90: lat is the north coordinate, and a value over 90 is a longitude (are lat and lng swapped?)'),
  lng: z.number().min(-180).max(180),
});

/** Ids appear in URLs: letters, digits, dot, dash, underscore. */
const addressId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, dots, dashes and underscores, at most 64, starting with a letter or digit');

/** POST /api/v1/addresses */
export const createAddressSchema = z.strictObject({
  /** Optional: generated when absent (addr-<uuid>). */
  id: addressId.optional(),
  name: placeName,
  aliases: aliases.default([]),
  point,
  active: z.boolean().default(true),
});
export type CreateAddress = z.infer<typeof createAddressSchema>;

/** PATCH /api/v1/addresses/:id: the fields to change (the id stays). */
export const updateAddressSchema = z
  .strictObject({ name: placeName.optional(), aliases: aliases.optional(), point: point.optional(), active: z.boolean().optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'give at least one of name, aliases, point, active' });
export type UpdateAddress = z.infer<typeof updateAddressSchema>;

/** GET /api/v1/addresses */
export const searchAddressesSchema = z.strictObject({
  /** Any part of a name or an alias, compared as matchAddress compares them (spaces, punctuation and width aside). */
  q: z.string().max(100).optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type SearchAddresses = z.infer<typeof searchAddressesSchema>;
