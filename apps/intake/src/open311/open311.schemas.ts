import { CASE_NUMBER_PATTERN } from '@fq/domain';
import { z } from 'zod';
import { phoneSchema } from '../shared/request-fields';

/** Form fields arrive as strings and JSON fields as numbers; an empty field means absent. */
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const text = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional());
const coord = (min: number, max: number) => z.preprocess(blank, z.coerce.number().min(min).max(max).optional());
const date = z.preprocess(blank, z.coerce.date().optional());

/** POST requests: not strict, since clients send fields we ignore (jurisdiction_id, media_url, attribute[…]). */
export const postRequestSchema = z
  .object({
    service_code: z.string({ error: 'is required' }).trim().min(1, 'is required'),
    lat: coord(-90, 90),
    long: coord(-180, 180),
    address_string: text(500),
    description: text(10_000),
    first_name: text(50),
    last_name: text(50),
    phone: z.preprocess(blank, phoneSchema.optional()),
    email: text(200),
  })
  .refine((r) => (r.lat === undefined) === (r.long === undefined), { message: 'send lat and long together', path: ['long'] })
  .refine((r) => r.lat !== undefined || r.address_string, { message: 'send a location: lat and long, or address_string', path: ['lat'] });

export type PostRequest = z.infer<typeof postRequestSchema>;

export const listQuerySchema = z.object({
  service_request_id: z.preprocess(
    blank,
    z
      .string()
      .transform((s) => s.split(',').map((id) => id.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(CASE_NUMBER_PATTERN, 'must be case numbers')).max(200))
      .optional(),
  ),
  service_code: text(40),
  start_date: date,
  end_date: date,
  status: z.preprocess(blank, z.enum(['open', 'closed']).optional()),
});

export type ListQuery = z.infer<typeof listQuerySchema>;
