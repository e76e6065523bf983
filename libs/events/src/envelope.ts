import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** The shared envelope of every event on Kafka (DESIGN.md "Events"). */
export const envelopeSchema = z.object({
  id: z.string().uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.string().datetime({ offset: true }),
  producer: z.string().min(1),
  caseNumber: z.string().optional(),
  correlationId: z.string().min(1),
  causationId: z.string().min(1),
  data: z.unknown(),
});

export type Envelope<T = unknown> = Omit<z.infer<typeof envelopeSchema>, 'data'> & { data: T };

/** Where an event comes from: the correlation carries over, the causation is the event or request that caused it. */
export interface EventContext {
  producer: string;
  correlationId: string;
  causationId: string;
}

export function envelope<T>(type: string, version: number, data: T, ctx: EventContext, caseNumber?: string, now = new Date()): Envelope<T> {
  return {
    id: randomUUID(),
    type,
    version,
    occurredAt: now.toISOString(),
    producer: ctx.producer,
    ...(caseNumber ? { caseNumber } : {}),
    correlationId: ctx.correlationId,
    causationId: ctx.causationId,
    data,
  };
}

/** The context for events caused by `cause`, produced by `producer`. */
export const causedBy = (cause: Envelope, producer: string): EventContext => ({
  producer,
  correlationId: cause.correlationId,
  causationId: cause.id,
});
