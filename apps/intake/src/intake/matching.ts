import type { LatLng } from '@fq/domain';

/**
 * When two requests are about the same matter. Pure: the service feeds it open cases found in the
 * database.
 *
 * - A duplicate is the same requester's same matter while their first case is open: it is linked
 *   to that case, not opened again (信访工作条例 Art. 19).
 * - A cluster (并单) is many requesters about one place and matter: later requests are merged into
 *   the first one's case, handled once and answered to each.
 */
export interface Matter {
  categoryCode: string | null;
  gridCode: string | null;
  location: LatLng | null;
  /** The segmented words of title and description (stop words removed). */
  words: readonly string[];
}

/** A cluster only gathers requests this close to its first one (a building, a street corner). */
export const CLUSTER_RADIUS_METRES = 300;
/** ...and this recent: a new wave of the same complaint weeks later is its own matter. */
export const CLUSTER_WINDOW_DAYS = 7;
/** A repeat after this long is treated as a new request even if the first is still open. */
export const DUPLICATE_WINDOW_DAYS = 90;
/**
 * A cluster of this many requests (lead included) about one place and matter is a sign of a group
 * matter (群体性诉求苗头, DOMAIN: "clusters that signal a group incident"): its lead is flagged for
 * reporting upward, with the count as the reason.
 */
export const GROUP_SIGNAL_REQUESTS = 10;

/** Word overlap (Jaccard) at which two texts without a shared category tell the same matter. */
const SAME_TEXT = 0.5;
/** Word overlap needed on top of a shared class (not sub-item): same class, different wording. */
const SAME_CLASS_TEXT = 0.25;

export function distanceMetres(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

export function wordOverlap(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (!sa.size || !sb.size) return 0;
  let shared = 0;
  for (const w of sa) if (sb.has(w)) shared++;
  return shared / (sa.size + sb.size - shared);
}

/** The class of a sub-item code (C03-01 -> C03). */
const classOf = (code: string) => code.split('-')[0];

/** Same place: within the cluster radius when both are located, else the same grid (or both nowhere). */
function samePlace(a: Matter, b: Matter, radius: number): boolean {
  if (a.location && b.location) return distanceMetres(a.location, b.location) <= radius;
  return a.gridCode === b.gridCode;
}

/** The same requester's same matter (for duplicates). */
export function sameMatter(a: Matter, b: Matter): boolean {
  if (!samePlace(a, b, CLUSTER_RADIUS_METRES)) return false;
  const overlap = wordOverlap(a.words, b.words);
  if (a.categoryCode && b.categoryCode) {
    if (a.categoryCode === b.categoryCode) return true;
    return classOf(a.categoryCode) === classOf(b.categoryCode) && overlap >= SAME_CLASS_TEXT;
  }
  return overlap >= SAME_TEXT;
}

/** One place and matter for different requesters (for clusters): a located request of the same sub-item nearby. */
export function sameCluster(a: Matter, b: Matter): boolean {
  return !!a.location && !!b.location && !!a.categoryCode && a.categoryCode === b.categoryCode && samePlace(a, b, CLUSTER_RADIUS_METRES);
}

export interface Box {
  south: number;
  north: number;
  west: number;
  east: number;
}

/** A bounding box a little larger than the cluster radius around a point (1° latitude ≈ 111 km). */
export function clusterBox({ lat, lng }: LatLng): Box {
  const dLat = (CLUSTER_RADIUS_METRES * 1.2) / 111_000;
  const dLng = dLat / Math.cos((lat * Math.PI) / 180);
  return { south: lat - dLat, north: lat + dLat, west: lng - dLng, east: lng + dLng };
}

/** Lock cells of about 1 km, larger than any cluster box, so a box touches at most four. */
const CELL_DEGREES = 0.01;

/**
 * The lock keys of the cells a box touches, sorted (every transaction takes them in one order, so
 * two never wait on each other). Two requests that could join one cluster lie in each other's
 * boxes, so both boxes touch the cell of either point: they share a key and go one at a time.
 */
export function clusterLockKeys(categoryCode: string, box: Box): string[] {
  const keys: string[] = [];
  for (let y = Math.floor(box.south / CELL_DEGREES); y <= Math.floor(box.north / CELL_DEGREES); y++) {
    for (let x = Math.floor(box.west / CELL_DEGREES); x <= Math.floor(box.east / CELL_DEGREES); x++) keys.push(`fq-cluster:${categoryCode}:${y}:${x}`);
  }
  return keys.sort();
}
