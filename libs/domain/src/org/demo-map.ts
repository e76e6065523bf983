import { type LatLng, type Ring, rectRing } from '../geo';
import { DISTRICT_CODE, SPECIAL_SPECS, TOWN_SPECS } from './demo-towns';
import type { GridDef, OrgUnit } from './org';

/**
 * The synthetic map: a rectangle of 0.24° lng × 0.16° lat centred on 34.77 N, 117.59 E, cut on
 * a lattice of 1/400° (about 230 m × 280 m). Every corner is computed from integer lattice
 * indices by the same division, so neighbouring grids share bit-identical edges and floating
 * point cannot open gaps or overlaps between them.
 */
const STEPS_PER_DEGREE = 400;
const WEST = 46988; // 117.47° × 400
const SOUTH = 13876; // 34.69° × 400
const COLS = 96; // 0.24°
const ROWS = 64; // 0.16°

const lng = (i: number) => (WEST + i) / STEPS_PER_DEGREE;
const lat = (j: number) => (SOUTH + j) / STEPS_PER_DEGREE;
/** Lattice rectangle [i0,i1] × [j0,j1] as a ring. */
const cellRect = (i0: number, j0: number, i1: number, j1: number): Ring => rectRing(lat(j0), lng(i0), lat(j1), lng(i1));

export const DEMO_DISTRICT_BOUNDARY: Ring = cellRect(0, 0, COLS, ROWS);

/** Cuts `total` lattice steps into `parts` near-equal integer runs; returns the cut positions. */
function cuts(start: number, total: number, parts: number): number[] {
  const out = [start];
  for (let k = 1; k <= parts; k++) out.push(start + Math.round((total * k) / parts));
  return out;
}

type Box = [number, number, number, number]; // i0, j0, i1, j1

/** How a village's rectangle is cut into 2, 3 or 4 base grids (numbered from the south-west). */
function villageGrids([i0, j0, i1, j1]: Box, n: 2 | 3 | 4): Box[] {
  const [, xm] = cuts(i0, i1 - i0, 2);
  const [, ym] = cuts(j0, j1 - j0, 2);
  if (n === 2) return [[i0, j0, xm, j1], [xm, j0, i1, j1]];
  const south: Box[] = n === 3 ? [[i0, j0, i1, ym]] : [[i0, j0, xm, ym], [xm, j0, i1, ym]];
  return [...south, [i0, ym, xm, j1], [xm, ym, i1, j1]];
}

export type DemoMap = { towns: OrgUnit[]; villages: OrgUnit[]; grids: GridDef[] };

/** Towns are columns west→east, villages are rows south→north inside their town's column. */
export function buildDemoMap(): DemoMap {
  const towns: OrgUnit[] = [];
  const villages: OrgUnit[] = [];
  const grids: GridDef[] = [];
  const boxes = new Map<string, Box>();
  const xs = cuts(0, COLS, TOWN_SPECS.length);
  TOWN_SPECS.forEach((t, ti) => {
    const townCode = DISTRICT_CODE + t.suffix;
    towns.push({ code: townCode, name: t.name, kind: 'town', parentCode: DISTRICT_CODE });
    const ys = cuts(0, ROWS, t.villages.length);
    t.villages.forEach((v, vi) => {
      const villageCode = townCode + v.suffix;
      villages.push({ code: villageCode, name: v.name, kind: 'village', parentCode: townCode });
      villageGrids([xs[ti], ys[vi], xs[ti + 1], ys[vi + 1]], v.grids).forEach((box, gi) => {
        const code = villageCode + String(gi + 1).padStart(3, '0');
        const name = `${t.name}${v.name}第${gi + 1}网格`;
        boxes.set(code, box);
        grids.push({ code, name, kind: 'base', villageCode, townCode, boundary: cellRect(...box) });
      });
    });
  });
  for (const s of SPECIAL_SPECS) {
    const host = grids.find((g) => g.code === s.host);
    const box = boxes.get(s.host);
    if (!host || !box) throw new Error(`special grid ${s.name}: no base grid ${s.host}`);
    grids.push({
      code: host.villageCode + s.suffix,
      name: s.name,
      kind: 'special',
      villageCode: host.villageCode,
      townCode: host.townCode,
      boundary: s.shape.map(([fx, fy]) => fractionOf(box, fx, fy)),
    });
  }
  return { towns, villages, grids };
}

/** The point at fractions (fx, fy) of a lattice box. */
function fractionOf([i0, j0, i1, j1]: Box, fx: number, fy: number): LatLng {
  return { lat: lat(j0 + (j1 - j0) * fy), lng: lng(i0 + (i1 - i0) * fx) };
}
