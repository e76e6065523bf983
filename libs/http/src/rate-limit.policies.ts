import { parseEnv } from '@fq/config';
import { z } from 'zod';
import { Rate, Take, TokenBuckets, parseRate } from './token-buckets';

/**
 * The budgets of what anyone may call without an account. Each is `<n>/<period>` or `off`,
 * overridable by its environment variable, read once when the app is created.
 */
export const RATE_LIMIT_POLICIES = {
  /** The resident web form, per client address. */
  'web-form': { env: 'RATE_LIMIT_WEB_FORM', default: '10/min' },
  /** Looking a case up by number and query code, per client address. */
  'public-lookup': { env: 'RATE_LIMIT_PUBLIC_LOOKUP', default: '30/min' },
  /** Rating a reply by number and query code, per client address. */
  'public-rating': { env: 'RATE_LIMIT_PUBLIC_RATING', default: '10/min' },
  /** The public upload, per client address. */
  upload: { env: 'RATE_LIMIT_UPLOAD', default: '60/min' },
  /**
   * Wrong query codes per case number, whoever sends them: past the budget the number answers
   * 429 to everyone until it refills. 10/hour leaves ~240 guesses a day at 31^6 ≈ 887 million
   * codes.
   */
  'wrong-code': { env: 'RATE_LIMIT_WRONG_CODE', default: '10/hour' },
} as const;

export type RateLimitPolicy = keyof typeof RATE_LIMIT_POLICIES;

const rateText = z.string().transform((text, ctx) => {
  const rate = parseRate(text);
  if (rate === undefined) ctx.addIssue({ code: 'custom', message: `"${text}" is not a rate: write e.g. 30/min, 10/hour, 5/10s, or off` });
  return rate ?? 'off';
});

// prefault: the default is text, parsed like a value that was set.
const envSchema = z.object(Object.fromEntries(Object.values(RATE_LIMIT_POLICIES).map((p) => [p.env, rateText.prefault(p.default)])) as Record<string, z.ZodPrefault<typeof rateText>>);

/** The parsed budget of each policy (`off`: not limited). */
export function rateLimitConfig(env: NodeJS.ProcessEnv = process.env): Record<RateLimitPolicy, Rate | 'off'> {
  const parsed = parseEnv(envSchema, env);
  return Object.fromEntries(Object.entries(RATE_LIMIT_POLICIES).map(([name, p]) => [name, parsed[p.env]])) as Record<RateLimitPolicy, Rate | 'off'>;
}

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
