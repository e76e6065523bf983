import { CHANNELS, LEVELS } from '@fq/domain';
import { z } from 'zod';
import { TOPICS } from './topics';

const latLng = z.object({ lat: z.number(), lng: z.number() });

/**
 * Every event, defined once: topic, version and payload schema. Publishing and handling are
 * type-checked against this map, and the AsyncAPI document is generated from it.
 */
export const EVENTS = {
  'case.registered': {
    topic: TOPICS.case,
    version: 1,
    summary: 'A request was accepted on some channel and got its case number.',
    schema: z.object({
      caseNumber: z.string(),
      channel: z.enum(CHANNELS),
      title: z.string(),
      categoryCode: z.string().nullable(),
      location: latLng.extend({ address: z.string().nullable() }).nullable(),
      gridCode: z.string().nullable(),
      level: z.enum(LEVELS),
      unitCode: z.string(),
      registeredAt: z.string().datetime({ offset: true }),
    }),
  },
  'case.assigned': {
    topic: TOPICS.case,
    version: 1,
    summary: 'A work order for the case was created for a handling unit at a level of the ladder.',
    schema: z.object({
      caseNumber: z.string(),
      workOrderId: z.string().uuid(),
      level: z.enum(LEVELS),
      unitCode: z.string(),
      unitName: z.string(),
      assignedAt: z.string().datetime({ offset: true }),
    }),
  },
  'org.unit.defined': {
    topic: TOPICS.org,
    version: 1,
    summary: 'An org unit (district, town, village, grid post, department) was created or changed.',
    schema: z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(['district', 'town', 'village', 'grid', 'department']),
      parentCode: z.string().nullable(),
    }),
  },
  'grid.defined': {
    topic: TOPICS.org,
    version: 1,
    summary: 'A grid and its boundary were created or changed.',
    schema: z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(['base', 'special']),
      villageCode: z.string(),
      townCode: z.string(),
      boundary: z.array(latLng).min(3),
    }),
  },
} as const;

export type EventType = keyof typeof EVENTS;
export type EventData<T extends EventType> = z.infer<(typeof EVENTS)[T]['schema']>;

export const isEventType = (t: string): t is EventType => Object.hasOwn(EVENTS, t);
