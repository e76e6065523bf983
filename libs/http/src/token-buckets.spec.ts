import { ConfigError, parseRate, rateLimitConfig } from '@fq/config';
import { RateLimits } from './rate-limit.policies';
import { TokenBuckets, clientKey } from './token-buckets';

const MIN = 60_000;

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('parseRate', () => {
  it('reads n/unit, n/k unit and off', () => {
    expect(parseRate('30/min')).toEqual({ limit: 30, periodMs: MIN });
    expect(parseRate(' 10 / hour ')).toEqual({ limit: 10, periodMs: 60 * MIN });
    expect(parseRate('5/10s')).toEqual({ limit: 5, periodMs: 10_000 });
    expect(parseRate('100/day')).toEqual({ limit: 100, periodMs: 24 * 60 * MIN });
    expect(parseRate('OFF')).toBe('off');
  });

  it('refuses what it cannot read, and zero', () => {
    for (const bad of ['30', '30/fortnight', '0/min', '30/0min', '-1/min', 'lots/min', '']) expect(parseRate(bad)).toBeUndefined();
  });
});

describe('TokenBuckets', () => {
  it('lets a burst of `limit` through, then refuses with the time until the next token', () => {
    const c = clock();
    const b = new TokenBuckets({ limit: 3, periodMs: MIN }, c.now);
    expect([b.take('a'), b.take('a'), b.take('a')].every((t) => t.allowed)).toBe(true);
    expect(b.take('a')).toEqual({ allowed: false, retryAfterMs: 20_000 });
    c.advance(5_000);
    expect(b.take('a')).toEqual({ allowed: false, retryAfterMs: 15_000 });
  });

  it('refills continuously: one token per period / limit, never above the limit', () => {
    const c = clock();
    const b = new TokenBuckets({ limit: 3, periodMs: MIN }, c.now);
    for (let i = 0; i < 3; i++) b.take('a');
    c.advance(20_000);
    expect(b.take('a').allowed).toBe(true);
    expect(b.take('a').allowed).toBe(false);
    c.advance(10 * MIN);
    expect([b.take('a'), b.take('a'), b.take('a'), b.take('a')].map((t) => t.allowed)).toEqual([true, true, true, false]);
  });

  it('keeps a budget per key', () => {
    const b = new TokenBuckets({ limit: 1, periodMs: MIN }, clock().now);
    expect(b.take('a').allowed).toBe(true);
    expect(b.take('a').allowed).toBe(false);
    expect(b.take('b').allowed).toBe(true);
  });

  it('gives a token back on refund, up to the limit', () => {
    const b = new TokenBuckets({ limit: 2, periodMs: MIN }, clock().now);
    b.take('a');
    b.take('a');
    b.refund('a');
    expect(b.take('a').allowed).toBe(true);
    expect(b.take('a').allowed).toBe(false);
    b.refund('z');
    expect(b.size).toBe(1);
  });

  it('forgets keys once they have refilled, so idle clients cost no memory', () => {
    const c = clock();
    const b = new TokenBuckets({ limit: 10, periodMs: MIN }, c.now);
    for (let i = 0; i < 1000; i++) b.take(`10.0.${i >> 8}.${i & 255}`);
    expect(b.size).toBe(1000);
    c.advance(MIN);
    b.take('10.9.9.9');
    expect(b.size).toBe(1);
  });

  it('holds at most maxKeys, dropping the least recently used first', () => {
    const b = new TokenBuckets({ limit: 1, periodMs: MIN }, clock().now, 3);
    for (const k of ['a', 'b', 'c']) b.take(k);
    b.take('a');
    b.take('d');
    expect(b.size).toBe(3);
    expect(b.take('a').allowed).toBe(false);
    expect(b.take('b').allowed).toBe(true);
  });
});

describe('clientKey', () => {
  it('keys IPv4 by address and IPv6 by its /64', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('2001:db8:0:1:aaaa::1')).toBe('2001:db8:0:1::/64');
    expect(clientKey('2001:0db8:0000:0001:ffff:1:2:3')).toBe('2001:db8:0:1::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey(undefined)).toBe('unknown');
  });
});

describe('rate limit policies', () => {
  it('have defaults, and each is overridden by its variable or turned off', () => {
    expect(rateLimitConfig({})).toEqual({
      'web-form': { limit: 10, periodMs: MIN },
      'public-lookup': { limit: 30, periodMs: MIN },
      'public-rating': { limit: 10, periodMs: MIN },
      upload: { limit: 60, periodMs: MIN },
      'wrong-code': { limit: 10, periodMs: 60 * MIN },
    });
    const config = rateLimitConfig({ RATE_LIMIT_PUBLIC_LOOKUP: '2/10s', RATE_LIMIT_UPLOAD: 'off' });
    expect(config['public-lookup']).toEqual({ limit: 2, periodMs: 10_000 });
    expect(config.upload).toBe('off');
    const limits = new RateLimits(config);
    expect(Array.from({ length: 100 }, () => limits.take('upload', 'x').allowed).every(Boolean)).toBe(true);
  });

  it('names a variable it cannot read', () => {
    expect(() => rateLimitConfig({ RATE_LIMIT_WEB_FORM: 'ten a minute' })).toThrow(ConfigError);
    expect(() => rateLimitConfig({ RATE_LIMIT_WEB_FORM: 'ten a minute' })).toThrow(/RATE_LIMIT_WEB_FORM/);
  });
});
