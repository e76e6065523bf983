import { type LatLng, openRing } from './point';

/**
 * Distance (in degrees) under which a point counts as lying on an edge. About a millimetre on
 * the ground: far below survey precision, but enough to absorb the rounding of a cross product,
 * so a point on a shared edge is found by both neighbouring grids, never by neither.
 */
export const ON_EDGE_TOLERANCE = 1e-8;

/** Whether p lies on segment a–b (within ON_EDGE_TOLERANCE). */
export function onSegment(p: LatLng, a: LatLng, b: LatLng, tolerance = ON_EDGE_TOLERANCE): boolean {
  const dx = b.lng - a.lng;
  const dy = b.lat - a.lat;
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p.lng - a.lng, p.lat - a.lat) <= tolerance;
  // Perpendicular distance = |cross| / len; then the projection must fall within the segment.
  const cross = dx * (p.lat - a.lat) - dy * (p.lng - a.lng);
  if (Math.abs(cross) > tolerance * len) return false;
  const along = (dx * (p.lng - a.lng) + dy * (p.lat - a.lat)) / len;
  return along >= -tolerance && along <= len + tolerance;
}

/**
 * Ray casting (even-odd rule) towards +lng. Points on an edge or vertex count as inside, so a
 * report filed exactly on a boundary still lands in a grid. Works for concave rings; rings
 * with fewer than three distinct vertices have no inside.
 */
export function pointInRing(p: LatLng, ring: readonly LatLng[]): boolean {
  const r = openRing(ring);
  if (r.length < 3 || !Number.isFinite(p.lat) || !Number.isFinite(p.lng)) return false;
  let inside = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const a = r[j];
    const b = r[i];
    if (onSegment(p, a, b)) return true;
    // Half-open test on lat so a ray through a vertex is counted once, not twice.
    if (a.lat > p.lat !== b.lat > p.lat) {
      const crossLng = a.lng + ((p.lat - a.lat) * (b.lng - a.lng)) / (b.lat - a.lat);
      if (p.lng < crossLng) inside = !inside;
    }
  }
  return inside;
}
