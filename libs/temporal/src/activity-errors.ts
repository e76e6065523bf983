import { DomainError } from '@fq/domain';
import { ApplicationFailure } from '@temporalio/common';

/** Business errors fail an activity without retry, keeping their stable code; anything else is retried. */
export function rethrowForActivity(e: unknown): never {
  if (e instanceof DomainError) throw ApplicationFailure.nonRetryable(e.message, 'DomainError', { code: e.code });
  throw e;
}
