import { type LatLng, openRing, ringArea, samePoint } from './point';
import { onSegment } from './point-in-polygon';

/** One thing wrong with a grid's boundary, phrased for an administrator importing a grid map. */
export type GeoProblem = { code?: string; problem: string };

const validPoint = (p: LatLng) =>
  Number.isFinite(p.lat) && Number.isFinite(p.lng) && Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180;

/** Orientation of c relative to a→b: >0 left, <0 right, 0 collinear. */
const orient = (a: LatLng, b: LatLng, c: LatLng) =>
  (b.lng - a.lng) * (c.lat - a.lat) - (b.lat - a.lat) * (c.lng - a.lng);

/** Whether segments p1–p2 and q1–q2 cross or touch. */
export function segmentsIntersect(p1: LatLng, p2: LatLng, q1: LatLng, q2: LatLng): boolean {
  const d1 = orient(q1, q2, p1);
  const d2 = orient(q1, q2, p2);
  const d3 = orient(p1, p2, q1);
  const d4 = orient(p1, p2, q2);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return onSegment(p1, q1, q2) || onSegment(p2, q1, q2) || onSegment(q1, p1, p2) || onSegment(q2, p1, p2);
}

/**
 * Problems that make a ring useless for locating points: too few vertices, coordinates out of
 * range, zero area, repeated consecutive vertices, or edges that cross (a figure-eight splits the
 * even-odd rule's idea of "inside"). O(n²) in vertices: meant for import, not for every lookup.
 */
export function validateRing(ring: readonly LatLng[]): string[] {
  const r = openRing(ring);
  if (r.length < 3) return ['fewer than 3 vertices'];
  if (!r.every(validPoint)) return ['coordinate not a valid lat/lng'];
  const problems: string[] = [];
  if (r.some((p, i) => samePoint(p, r[(i + 1) % r.length]))) problems.push('repeated vertex');
  if (ringArea(r) === 0) problems.push('zero area');
  const n = r.length;
  outer: for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // first and last edges share a vertex by design
      if (segmentsIntersect(r[i], r[(i + 1) % n], r[j], r[(j + 1) % n])) {
        problems.push('edges cross');
        break outer;
      }
    }
  }
  return problems;
}

/** Duplicate codes and bad boundaries across a set of grids, each tagged with the grid code. */
export function validateGrids(grids: readonly { code: string; boundary: readonly LatLng[] }[]): GeoProblem[] {
  const problems: GeoProblem[] = [];
  const seen = new Set<string>();
  for (const g of grids) {
    if (seen.has(g.code)) problems.push({ code: g.code, problem: 'duplicate code' });
    seen.add(g.code);
    for (const problem of validateRing(g.boundary)) problems.push({ code: g.code, problem });
  }
  return problems;
}
