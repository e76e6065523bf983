/**
 * Plain geographic shapes. Coordinates are WGS-84 degrees treated as a flat plane: grids are a
 * few hundred metres across, so planar geometry is exact enough for containment and for
 * comparing areas, and it keeps this code free of any projection library.
 */
export type LatLng = { lat: number; lng: number };

/** A polygon's outline. Either open or closed (last vertex repeating the first) is accepted. */
export type Ring = LatLng[];

export type BBox = { minLat: number; minLng: number; maxLat: number; maxLng: number };

export const samePoint = (a: LatLng, b: LatLng): boolean => a.lat === b.lat && a.lng === b.lng;

/** The ring without its closing vertex, so every algorithm can walk edges i-1 → i uniformly. */
export function openRing(ring: readonly LatLng[]): LatLng[] {
  const n = ring.length;
  return n > 1 && samePoint(ring[0], ring[n - 1]) ? ring.slice(0, n - 1) : ring.slice();
}

export function ringBounds(ring: readonly LatLng[]): BBox {
  let minLat = Infinity;
  let minLng = Infinity;
  let maxLat = -Infinity;
  let maxLng = -Infinity;
  for (const p of ring) {
    if (p.lat < minLat) minLat = p.lat;
    if (p.lat > maxLat) maxLat = p.lat;
    if (p.lng < minLng) minLng = p.lng;
    if (p.lng > maxLng) maxLng = p.lng;
  }
  return { minLat, minLng, maxLat, maxLng };
}

export const inBounds = (b: BBox, p: LatLng): boolean =>
  p.lat >= b.minLat && p.lat <= b.maxLat && p.lng >= b.minLng && p.lng <= b.maxLng;

/** Unsigned area in square degrees (shoelace). Only used to compare grids with each other. */
export function ringArea(ring: readonly LatLng[]): number {
  const r = openRing(ring);
  let twice = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    twice += r[j].lng * r[i].lat - r[i].lng * r[j].lat;
  }
  return Math.abs(twice) / 2;
}

/** Centroid of the vertices: a cheap label position, inside any convex ring. */
export function vertexCentroid(ring: readonly LatLng[]): LatLng {
  const r = openRing(ring);
  const sum = r.reduce((s, p) => ({ lat: s.lat + p.lat, lng: s.lng + p.lng }), { lat: 0, lng: 0 });
  return { lat: sum.lat / r.length, lng: sum.lng / r.length };
}

/** An axis-aligned rectangle as an open ring, counter-clockwise from the south-west corner. */
export const rectRing = (south: number, west: number, north: number, east: number): Ring => [
  { lat: south, lng: west },
  { lat: south, lng: east },
  { lat: north, lng: east },
  { lat: north, lng: west },
];
