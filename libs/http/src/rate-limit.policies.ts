import { Rate, RateLimitPolicy } from '@fq/config';
import { Take, TokenBuckets } from './token-buckets';

/**
 * Every policy's buckets, one set per application (CoreModule provides it, reading the env when
 * the app is created, so a test may set the env before creating an app). In memory, per process: with several
 * instances behind a load balancer each counts on its own (a client gets N times the budget);
 * a shared store (e.g. Redis) is needed to hold the limits exactly across instances.
 */
export class RateLimits {
  private readonly buckets: Partial<Record<RateLimitPolicy, TokenBuckets>> = {};

  constructor(config: Record<RateLimitPolicy, Rate | 'off'>, now: () => number = Date.now) {
    for (const [name, rate] of Object.entries(config) as [RateLimitPolicy, Rate | 'off'][]) {
      if (rate !== 'off') this.buckets[name] = new TokenBuckets(rate, now);
    }
  }

  take(policy: RateLimitPolicy, key: string): Take {
    return this.buckets[policy]?.take(key) ?? { allowed: true };
  }

  refund(policy: RateLimitPolicy, key: string): void {
    this.buckets[policy]?.refund(key);
  }
}
