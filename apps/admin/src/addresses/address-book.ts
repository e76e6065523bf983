import { DomainError, GridIndex, IndexableGrid, LatLng, normaliseAddress } from '@fq/domain';

/**
 * The search columns of an entry. The database's character type is C, so pg_trgm sees no words
 * in Chinese text; the two-character pieces (bigrams) of every normalised name are kept instead,
 * a GIN index finds the candidates of a search, and `strpos` on the joined names confirms them.
 */
export function searchColumns(name: string, aliases: readonly string[]): { searchText: string; searchGrams: string[] } {
  const names = [name, ...aliases].map(normaliseAddress);
  // Normalising drops every whitespace character, so a newline never occurs inside a name or a query.
  return { searchText: names.join('\n'), searchGrams: [...new Set(names.flatMap(bigrams))].sort() };
}

/** The bigrams an entry must hold for its names to contain `query` (none for a one-character query). */
export const queryGrams = (normalisedQuery: string): string[] => [...new Set(bigrams(normalisedQuery))].sort();

function bigrams(s: string): string[] {
  const chars = Array.from(s);
  return chars.slice(1).map((c, i) => chars[i] + c);
}

/** Aliases without repeats or the name itself (compared as matchAddress compares them), in the order given. */
export function cleanAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([normaliseAddress(name)]);
  return aliases.filter((a) => {
    const n = normaliseAddress(a);
    if (seen.has(n)) return false;
    seen.add(n);
    return true;
  });
}

/**
 * The grid an address at `point` sends its requests to (a special grid over a base grid wins, as
 * in intake). A point in no grid cannot place a request, so it is refused with what to check.
 */
export function gridOf<T extends IndexableGrid>(index: GridIndex<T>, point: LatLng): T {
  const grid = index.locate(point);
  if (grid) return grid;
  const swapped = index.locate({ lat: point.lng, lng: point.lat });
  const hint = swapped
    ? ` With latitude and longitude the other way round it would lie in grid ${swapped.code}: lat is the north coordinate, lng the east one.`
    : index.size
      ? ' Check the coordinates (WGS-84 degrees, lat north, lng east) against the grid map at GET /api/v1/org/grids, or have the grid drawn first.'
      : ' The district has no grids yet: load the grid map first.';
  const message = `The point ${point.lat}, ${point.lng} lies in none of the district's ${index.size} grids, so requests at this address could not be routed.${hint}`;
  throw new DomainError('invalid', 'ADDRESS_OUTSIDE_GRIDS', message, { point });
}
