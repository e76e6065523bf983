import { GridIndex, type IndexableGrid } from './grid-index';
import { type LatLng, rectRing } from './point';
import { validateGrids, validateRing } from './validate';

const base = (code: string, s: number, w: number, n: number, e: number): IndexableGrid => ({
  code,
  kind: 'base',
  boundary: rectRing(s, w, n, e),
});
const special = (code: string, s: number, w: number, n: number, e: number): IndexableGrid => ({
  ...base(code, s, w, n, e),
  kind: 'special',
});

describe('GridIndex', () => {
  const grids = [
    base('B1', 0, 0, 1, 1),
    base('B2', 0, 1, 1, 2),
    special('S-big', 0.2, 0.2, 0.8, 0.8),
    special('S-small', 0.4, 0.4, 0.6, 0.6),
  ];
  const index = new GridIndex(grids);

  it('prefers a special grid over the base grid it lies on, then the smaller one', () => {
    expect(index.locate({ lat: 0.1, lng: 0.1 })?.code).toBe('B1');
    expect(index.locate({ lat: 0.3, lng: 0.3 })?.code).toBe('S-big');
    expect(index.locate({ lat: 0.5, lng: 0.5 })?.code).toBe('S-small');
    expect(index.locateAll({ lat: 0.5, lng: 0.5 }).map((g) => g.code)).toEqual(['S-small', 'S-big', 'B1']);
  });

  it('does not depend on input order, and breaks area ties by code', () => {
    const reversed = new GridIndex([...grids].reverse());
    expect(reversed.locate({ lat: 0.5, lng: 0.5 })?.code).toBe('S-small');
    // On the shared edge both base grids contain the point; equal areas, so the lower code.
    expect(index.locate({ lat: 0.5, lng: 1 })?.code).toBe('B1');
    expect(reversed.locate({ lat: 0.5, lng: 1 })?.code).toBe('B1');
  });

  it('returns undefined outside every grid', () => {
    expect(index.locate({ lat: 5, lng: 5 })).toBeUndefined();
    expect(index.locate({ lat: -0.01, lng: 0.5 })).toBeUndefined();
    expect(index.locate({ lat: NaN, lng: 0.5 })).toBeUndefined();
    expect(new GridIndex([]).locate({ lat: 0, lng: 0 })).toBeUndefined();
  });

  it('rejects duplicate codes and unusable boundaries', () => {
    expect(() => new GridIndex([base('X', 0, 0, 1, 1), base('X', 1, 1, 2, 2)])).toThrow(/duplicate/);
    expect(() => new GridIndex([{ code: 'Y', kind: 'base', boundary: [] }])).toThrow(/3 vertices/);
  });

  it('locates correctly among 85,000 grids while touching only a few per lookup', () => {
    // 340 × 250 grids of 0.002° plus one huge special grid that goes to the oversized list.
    const size = 0.002;
    const many: IndexableGrid[] = [];
    for (let x = 0; x < 340; x++) {
      for (let y = 0; y < 250; y++) {
        many.push(base(`G${x}-${y}`, 30 + y * size, 110 + x * size, 30 + (y + 1) * size, 110 + (x + 1) * size));
      }
    }
    many.push(special('S-huge', 30.1, 110.1, 30.3, 110.5));
    const big = new GridIndex(many);
    const stats = big.stats();
    expect(stats.grids).toBe(85_001);
    expect(stats.oversized).toBe(1);
    expect(stats.maxBucket).toBeLessThanOrEqual(16);

    let seed = 42; // deterministic LCG so the test is reproducible
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 5000; k++) {
      const p: LatLng = { lat: 30 + rand() * 250 * size, lng: 110 + rand() * 340 * size };
      const inHuge = p.lat >= 30.1 && p.lat <= 30.3 && p.lng >= 110.1 && p.lng <= 110.5;
      const x = Math.floor((p.lng - 110) / size);
      const y = Math.floor((p.lat - 30) / size);
      const code = big.locate(p)?.code;
      // Points within the on-edge tolerance of a lattice line may resolve to a neighbour; skip them.
      const fx = (p.lng - 110) / size - x;
      const fy = (p.lat - 30) / size - y;
      if (!inHuge && (fx < 1e-4 || fx > 1 - 1e-4 || fy < 1e-4 || fy > 1 - 1e-4)) continue;
      expect(code).toBe(inHuge ? 'S-huge' : `G${x}-${y}`);
    }
  });
});

describe('validate', () => {
  it('accepts a good ring and reports bad ones', () => {
    expect(validateRing(rectRing(0, 0, 1, 1))).toEqual([]);
    expect(validateRing([{ lat: 0, lng: 0 }])).toEqual(['fewer than 3 vertices']);
    expect(validateRing([{ lat: 0, lng: 0 }, { lat: 100, lng: 0 }, { lat: 0, lng: 1 }])).toEqual([
      'coordinate not a valid lat/lng',
    ]);
    const bowtie = [{ lat: 0, lng: 0 }, { lat: 1, lng: 1 }, { lat: 1, lng: 0 }, { lat: 0, lng: 1 }];
    expect(validateRing(bowtie)).toContain('edges cross');
    const line = [{ lat: 0, lng: 0 }, { lat: 1, lng: 1 }, { lat: 2, lng: 2 }];
    expect(validateRing(line)).toContain('zero area');
  });

  it('reports duplicate grid codes', () => {
    const problems = validateGrids([base('A', 0, 0, 1, 1), base('A', 1, 1, 2, 2)]);
    expect(problems).toEqual([{ code: 'A', problem: 'duplicate code' }]);
  });
});
