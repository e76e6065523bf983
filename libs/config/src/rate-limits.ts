import { z } from 'zod';
import { parseEnv } from './env';

/** A budget: `limit` requests per `periodMs`, refilled continuously (a burst of `limit`, then one every periodMs / limit). */
export interface Rate {
  limit: number;
  periodMs: number;
}

const UNIT_MS: Record<string, number> = { s: 1_000, sec: 1_000, second: 1_000, m: 60_000, min: 60_000, minute: 60_000, h: 3_600_000, hour: 3_600_000, d: 86_400_000, day: 86_400_000 };

/** `30/min`, `10/hour`, `5/10s` (5 per 10 seconds), `off`; undefined when the text is none of these. */
export function parseRate(text: string): Rate | 'off' | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'off') return 'off';
  const m = /^(\d+)\s*\/\s*(\d*)\s*([a-z]+)$/.exec(t);
  if (!m || !(m[3] in UNIT_MS)) return undefined;
  const limit = Number(m[1]);
  const periodMs = Number(m[2] || 1) * UNIT_MS[m[3]];
  return limit > 0 && periodMs > 0 ? { limit, periodMs } : undefined;
}

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
export function rateLimitConfig(env?: NodeJS.ProcessEnv): Record<RateLimitPolicy, Rate | 'off'> {
  const parsed = parseEnv(envSchema, env);
  return Object.fromEntries(Object.entries(RATE_LIMIT_POLICIES).map(([name, p]) => [name, parsed[p.env]])) as Record<RateLimitPolicy, Rate | 'off'>;
}

