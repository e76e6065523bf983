import { DISPATCH_START_LEVELS, SIZE_CLASSES } from '@fq/domain';
import { z } from 'zod';

/* Shapes only: whether the codes exist and department matters stay at the district is validateCatalogue's. */

const code = z.string().trim().min(1).max(40);

const entry = z.strictObject({
  id: z.string().trim().min(1).max(60),
  category: code,
  area: code,
  size: z.enum([...SIZE_CLASSES, '*']),
  start: z.enum(DISPATCH_START_LEVELS),
  handler: z.union([z.enum(['area', 'lead-department']), z.strictObject({ unitCode: code })]),
  note: z.string().trim().max(500).optional(),
});

/** PUT /api/v1/dispatch/catalogue: the whole catalogue; `expectedVersion` guards against overwriting someone else's. */
export const replaceCatalogueSchema = z.strictObject({
  entries: z.array(entry).max(1000),
  expectedVersion: z.number().int().positive().optional(),
});
export type ReplaceCatalogue = z.infer<typeof replaceCatalogueSchema>;
