import { GridIndex, type LatLng, ringBounds } from '../geo';
import type { DemoDistrict, GridDef } from './org';

/**
 * A known address (标准地址): a named place of the district (a residential compound, a village
 * committee, a school, a market) with its point. A request that gives only an address in words is
 * placed by the known address it names; admin keeps the list.
 */
export type KnownAddress = {
  id: string;
  name: string;
  /** Other names people use for it (锦绣花园小区, 锦绣花园东区). */
  aliases: string[];
  point: LatLng;
  active: boolean;
};

export type AddressMatch =
  | { kind: 'found'; address: KnownAddress; matched: string }
  /** Two different places answer to the longest name the text holds: the words alone cannot place it. */
  | { kind: 'ambiguous'; matched: string; candidates: KnownAddress[] };

/** Full-width folded, lower case, without spaces and the punctuation people put in addresses. */
export const normaliseAddress = (text: string) =>
  text.normalize('NFKC').toLowerCase().replace(/[\s·•,，、.。\-—_()（）#]+/g, '');

/**
 * The known address a free-text address names: the active entry whose name or alias is the longest
 * one the text contains (峄城区坛山街道承水社区锦绣花园3号楼 → 锦绣花园). Names shorter than two
 * characters never match. Undefined when none does. Pure.
 */
export function matchAddress(book: readonly KnownAddress[], text: string): AddressMatch | undefined {
  const haystack = normaliseAddress(text);
  let best: { length: number; matched: string; hits: Map<string, KnownAddress> } | undefined;
  for (const a of book) {
    if (!a.active) continue;
    for (const name of [a.name, ...a.aliases]) {
      const n = normaliseAddress(name);
      if (n.length < 2 || !haystack.includes(n)) continue;
      if (!best || n.length > best.length) best = { length: n.length, matched: name, hits: new Map([[a.id, a]]) };
      else if (n.length === best.length) best.hits.set(a.id, a);
    }
  }
  if (!best) return undefined;
  const hits = [...best.hits.values()];
  const samePlace = hits.every((h) => h.point.lat === hits[0].point.lat && h.point.lng === hits[0].point.lng);
  return samePlace ? { kind: 'found', address: hits[0], matched: best.matched } : { kind: 'ambiguous', matched: best.matched, candidates: hits };
}

const COMPOUNDS = ['花园', '家园', '小区', '新村'];

/** Fractions of a bounding box on a 5 x 5 lattice, nearest the centre first. */
const LATTICE = [0.5, 0.3, 0.7, 0.1, 0.9].flatMap((fy) => [0.5, 0.3, 0.7, 0.1, 0.9].map((fx) => [fx, fy])).sort(([ax, ay], [bx, by]) => Math.hypot(ax - 0.5, ay - 0.5) - Math.hypot(bx - 0.5, by - 0.5));

/** A point that resolves to the grid itself (not to a special grid over it), nearest its box's centre. */
function pointIn(g: GridDef, index: GridIndex<GridDef>): LatLng {
  const b = ringBounds(g.boundary);
  for (const [fx, fy] of LATTICE) {
    const p = { lat: b.minLat + (b.maxLat - b.minLat) * fy, lng: b.minLng + (b.maxLng - b.minLng) * fx };
    if (index.locate(p)?.code === g.code) return p;
  }
  throw new Error(`no point of grid ${g.code} lies in it alone`);
}

/**
 * The demo district's address book: each village's committee (村委会, 居委会) in its first base
 * grid, a residential compound in every base grid (承水花园, 承水家园, …) and the place each special
 * grid is drawn around (峄城区人民医院). Every point lies in the grid it names. Pure.
 */
export function demoAddresses(d: Pick<DemoDistrict, 'villages' | 'grids'>): KnownAddress[] {
  const index = new GridIndex(d.grids);
  const out: KnownAddress[] = [];
  for (const v of d.villages) {
    const base = d.grids.filter((g) => g.kind === 'base' && g.villageCode === v.code);
    const short = v.name.replace(/(社区|村)$/, '');
    const committee = v.name.endsWith('村') ? '村委会' : '居委会';
    out.push({ id: `addr-${v.code}`, name: `${v.name}${committee}`, aliases: [`${short}${committee}`], point: pointIn(base[0], index), active: true });
    base.forEach((g, i) => {
      out.push({ id: `addr-${g.code}`, name: `${short}${COMPOUNDS[i % COMPOUNDS.length]}`, aliases: [], point: pointIn(g, index), active: true });
    });
  }
  for (const g of d.grids.filter((x) => x.kind === 'special')) {
    out.push({ id: `addr-${g.code}`, name: g.name.replace(/专属网格$/, ''), aliases: [], point: pointIn(g, index), active: true });
  }
  return out;
}
