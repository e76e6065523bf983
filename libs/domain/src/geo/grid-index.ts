import { invalid } from '../errors';
import { type BBox, type LatLng, type Ring, inBounds, openRing, ringArea, ringBounds } from './point';
import { ON_EDGE_TOLERANCE, pointInRing } from './point-in-polygon';

export type GridKind = 'base' | 'special';
export type IndexableGrid = { code: string; kind: GridKind; boundary: Ring };

type Entry<T> = { grid: T; bbox: BBox; area: number; special: boolean };

export type GridIndexStats = { grids: number; cellSize: number; cells: number; oversized: number; maxBucket: number };

/** A grid whose bbox covers more cells than this is checked on every lookup instead of bucketed. */
const MAX_CELLS_PER_GRID = 1024;
// Cell keys pack (ix, iy) into one safe integer; the minimum cell size keeps |ix|,|iy| < 2^24.
const MIN_CELL = 1e-4;
const OFFSET = 2 ** 24;
const STRIDE = 2 ** 25;

/**
 * Finds the grid a point lies in. Bounding boxes are precomputed and grids are bucketed in a
 * uniform lat/lng cell index sized to the typical grid, so a lookup tests a handful of polygons
 * even with 85,000 grids. When several grids contain the point, special grids (market, school…)
 * win over the base grid they lie on; then the smallest area; then the lowest code, so the
 * answer never depends on input order.
 */
export class GridIndex<T extends IndexableGrid> {
  private readonly entries: Entry<T>[] = [];
  private readonly cells = new Map<number, number[]>();
  private readonly oversized: number[] = [];
  private readonly byCode = new Map<string, T>();
  readonly cellSize: number;

  constructor(grids: readonly T[], options: { cellSize?: number } = {}) {
    for (const grid of grids) {
      if (this.byCode.has(grid.code)) throw invalid('GRID_DUPLICATE_CODE', `duplicate grid code ${grid.code}`);
      if (openRing(grid.boundary).length < 3) {
        throw invalid('GRID_INVALID_BOUNDARY', `grid ${grid.code} has fewer than 3 vertices`);
      }
      const bbox = ringBounds(grid.boundary);
      if (![bbox.minLat, bbox.minLng, bbox.maxLat, bbox.maxLng].every(Number.isFinite)) {
        throw invalid('GRID_INVALID_BOUNDARY', `grid ${grid.code} has a non-numeric coordinate`);
      }
      this.byCode.set(grid.code, grid);
      // Widened by the on-edge tolerance so the bbox pre-check never rejects what pointInRing accepts.
      const t = ON_EDGE_TOLERANCE;
      const box = { minLat: bbox.minLat - t, minLng: bbox.minLng - t, maxLat: bbox.maxLat + t, maxLng: bbox.maxLng + t };
      this.entries.push({ grid, bbox: box, area: ringArea(grid.boundary), special: grid.kind === 'special' });
    }
    this.cellSize = Math.max(MIN_CELL, options.cellSize ?? typicalExtent(this.entries));
    this.entries.forEach((e, i) => this.bucket(e.bbox, i));
  }

  get size(): number {
    return this.entries.length;
  }

  get(code: string): T | undefined {
    return this.byCode.get(code);
  }

  /** The grid responsible for p, or undefined when p is outside every grid. */
  locate(p: LatLng): T | undefined {
    let best: Entry<T> | undefined;
    this.forEachContaining(p, (e) => {
      if (!best || better(e, best)) best = e;
    });
    return best?.grid;
  }

  /** Every grid containing p, most preferred first (what `locate` would pick comes first). */
  locateAll(p: LatLng): T[] {
    const found: Entry<T>[] = [];
    this.forEachContaining(p, (e) => found.push(e));
    return found.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).map((e) => e.grid);
  }

  stats(): GridIndexStats {
    let maxBucket = 0;
    for (const bucket of this.cells.values()) maxBucket = Math.max(maxBucket, bucket.length);
    const { entries, cellSize, cells, oversized } = this;
    return { grids: entries.length, cellSize, cells: cells.size, oversized: oversized.length, maxBucket };
  }

  private forEachContaining(p: LatLng, visit: (e: Entry<T>) => void): void {
    if (!Number.isFinite(p.lat) || !Number.isFinite(p.lng)) return;
    const test = (i: number) => {
      const e = this.entries[i];
      if (inBounds(e.bbox, p) && pointInRing(p, e.grid.boundary)) visit(e);
    };
    this.cells.get(this.key(this.cell(p.lng), this.cell(p.lat)))?.forEach(test);
    this.oversized.forEach(test);
  }

  private bucket(b: BBox, i: number): void {
    const [x0, x1, y0, y1] = [this.cell(b.minLng), this.cell(b.maxLng), this.cell(b.minLat), this.cell(b.maxLat)];
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS_PER_GRID) {
      this.oversized.push(i);
      return;
    }
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const k = this.key(x, y);
        const list = this.cells.get(k);
        if (list) list.push(i);
        else this.cells.set(k, [i]);
      }
    }
  }

  private cell(deg: number): number {
    return Math.floor(deg / this.cellSize);
  }

  private key(x: number, y: number): number {
    return (x + OFFSET) * STRIDE + (y + OFFSET);
  }
}

function better<T extends IndexableGrid>(a: Entry<T>, b: Entry<T>): boolean {
  if (a.special !== b.special) return a.special;
  if (a.area !== b.area) return a.area < b.area;
  return a.grid.code < b.grid.code;
}

/** Median of the grids' larger bbox side: most grids then touch 1–4 cells. */
function typicalExtent<T>(entries: readonly Entry<T>[]): number {
  if (entries.length === 0) return 1;
  const sides = entries.map((e) => Math.max(e.bbox.maxLat - e.bbox.minLat, e.bbox.maxLng - e.bbox.minLng));
  sides.sort((a, b) => a - b);
  return sides[Math.floor(sides.length / 2)];
}
