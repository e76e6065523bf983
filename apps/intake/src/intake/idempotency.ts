import { invalid, isUuid } from '@fq/domain';
import type { IntakeRequest } from './intake-request';

/**
 * A form sent again with the same `Idempotency-Key` (a double-click, a retry after a lost answer)
 * is the same request: it answers the case the first one made and counts as no new contact.
 * The key is a UUID the client makes per request; it is scoped to the channel and the sender.
 */
export function withIdempotencyKey(req: IntakeRequest, sender: string, key: string | undefined): IntakeRequest {
  if (key === undefined || key === '' || req.external) return req;
  if (!isUuid(key)) throw invalid('INVALID_IDEMPOTENCY_KEY', 'The Idempotency-Key header must be a UUID made for this one request.');
  return { ...req, external: { source: `idempotency:${req.channel}:${sender}`, id: key.toLowerCase() } };
}
