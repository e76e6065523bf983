import type { Rate } from '@fq/config';

export type Take = { allowed: true } | { allowed: false; retryAfterMs: number };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * One token bucket per key, in memory. Pure apart from the clock, which is injected.
 *
 * Memory stays bounded: a key whose bucket has refilled is the same as no key, so it is dropped
 * at the next sweep (at most once per period, amortised over `take`); past `maxKeys` the least
 * recently used key goes first.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep: number;

  constructor(
    readonly rate: Rate,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {
    this.lastSweep = now();
  }

  /** Takes one token for `key`, or says how long until one is there. */
  take(key: string): Take {
    const now = this.now();
    this.sweep(now);
    const tokens = this.level(key, now);
    if (tokens >= 1) {
      this.store(key, tokens - 1, now);
      return { allowed: true };
    }
    this.store(key, tokens, now);
    return { allowed: false, retryAfterMs: Math.ceil(((1 - tokens) * this.rate.periodMs) / this.rate.limit) };
  }

  /** Gives back a token taken for a request that turned out not to count. */
  refund(key: string): void {
    const now = this.now();
    const tokens = Math.min(this.rate.limit, this.level(key, now) + 1);
    if (tokens >= this.rate.limit) this.buckets.delete(key);
    else this.store(key, tokens, now);
  }

  /** How many keys are held (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private level(key: string, now: number): number {
    const b = this.buckets.get(key);
    if (!b) return this.rate.limit;
    return Math.min(this.rate.limit, b.tokens + (Math.max(0, now - b.at) * this.rate.limit) / this.rate.periodMs);
  }

  private store(key: string, tokens: number, now: number): void {
    // Delete first so the Map's order is least recently used first.
    this.buckets.delete(key);
    this.buckets.set(key, { tokens, at: now });
    for (const oldest of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) break;
      this.buckets.delete(oldest);
    }
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.rate.periodMs) return;
    this.lastSweep = now;
    for (const key of [...this.buckets.keys()]) if (this.level(key, now) >= this.rate.limit) this.buckets.delete(key);
  }
}

/**
 * The key of a client address: an IPv4 address as it is, an IPv4-mapped IPv6 address as IPv4,
 * other IPv6 addresses by their /64 prefix (one subscriber usually holds a whole /64, so
 * per-address keys would let them rotate freely).
 */
export function clientKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head, tail] = ip.split('%')[0].toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
