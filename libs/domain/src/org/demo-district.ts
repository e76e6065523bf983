import { type LatLng, ringBounds, vertexCentroid } from '../geo';
import { buildCategories, buildDepartments } from './demo-departments';
import { buildDemoMap } from './demo-map';
import { DISTRICT_CODE, DISTRICT_NAME, SPECIAL_SPECS } from './demo-towns';
import { buildUsers } from './demo-users';
import type { DemoDistrict, GridDef } from './org';

export { DEMO_DISTRICT_BOUNDARY } from './demo-map';

/**
 * The demo district 峄城区 (Zaozhuang) used by seeds, tests and the local stack. Pure and
 * deterministic: every call builds fresh objects with identical content, so callers may mutate
 * what they get without affecting anyone else.
 */
export function demoDistrict(): DemoDistrict {
  const { towns, villages, grids } = buildDemoMap();
  const departments = buildDepartments();
  return {
    district: { code: DISTRICT_CODE, name: DISTRICT_NAME, kind: 'district' },
    towns,
    villages,
    grids,
    departments,
    categories: buildCategories(),
    users: buildUsers(towns, villages, grids, departments),
  };
}

export type DemoPoint = { label: string; point: LatLng; gridCode: string };

/** The point at fractions (fx, fy) of a grid's bounding box, west→east and south→north. */
function at(g: GridDef, fx: number, fy: number): LatLng {
  const b = ringBounds(g.boundary);
  return { lat: b.minLat + (b.maxLat - b.minLat) * fy, lng: b.minLng + (b.maxLng - b.minLng) * fx };
}

/**
 * Well-known points and the grid each must resolve to: the centre of one plain base grid per
 * town; a point inside each special grid (fraction 0.3/0.3 of its host lies inside every
 * special shape); and a point in the notch of the L-shaped park, which stays with the base grid.
 */
function demoPoints(): DemoPoint[] {
  const { towns, villages, grids } = buildDemoMap();
  const hosts = new Set(SPECIAL_SPECS.map((s) => s.host));
  const byCode = new Map(grids.map((g) => [g.code, g]));
  const points: DemoPoint[] = [];
  for (const town of towns) {
    const village = villages.find((v) => v.parentCode === town.code);
    const plain = grids.filter((g) => g.kind === 'base' && g.villageCode === village?.code && !hosts.has(g.code));
    const g = plain[plain.length - 1];
    points.push({ label: `${g.name}中心`, point: vertexCentroid(g.boundary), gridCode: g.code });
  }
  for (const s of SPECIAL_SPECS) {
    const host = byCode.get(s.host);
    if (host) points.push({ label: `${s.name}内`, point: at(host, 0.3, 0.3), gridCode: host.villageCode + s.suffix });
  }
  const park = byCode.get('370404002002003');
  if (park) points.push({ label: `${park.name}(开发区L形缺口)`, point: at(park, 0.7, 0.7), gridCode: park.code });
  return points;
}

export const DEMO_POINTS: DemoPoint[] = demoPoints();

/** North-east of the district's rectangle (which ends at 34.85 N, 117.71 E). */
export const DEMO_OUTSIDE: LatLng = { lat: 34.9, lng: 117.8 };
