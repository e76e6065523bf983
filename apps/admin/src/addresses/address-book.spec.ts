import { DomainError, GridIndex, demoAddresses, demoDistrict, rectRing } from '@fq/domain';
import { cleanAliases, gridOf, queryGrams, searchColumns } from './address-book';

/** What the SQL does: every bigram of the query among the entry's, then the substring itself. */
const hits = (entry: ReturnType<typeof searchColumns>, query: string) => queryGrams(query).every((g) => entry.searchGrams.includes(g)) && entry.searchText.includes(query);

describe('search columns', () => {
  const entry = searchColumns('锦绣花园', ['锦绣花园 东区', 'Ｂ座（北）']);

  it('keeps the normalised names one a line, and their bigrams once each', () => {
    expect(entry.searchText).toBe('锦绣花园\n锦绣花园东区\nb座北');
    expect(entry.searchGrams).toEqual(['b座', '园东', '座北', '绣花', '花园', '锦绣', '东区'].sort());
  });

  it('finds an entry by any part of a name or alias, never across two names', () => {
    for (const q of ['锦绣', '花园东', '园东区', 'b座北', '锦']) expect({ q, hit: hits(entry, q) }).toEqual({ q, hit: true });
    for (const q of ['花园锦', '区b', '锦绣小区']) expect({ q, hit: hits(entry, q) }).toEqual({ q, hit: false });
    expect(queryGrams('锦')).toEqual([]);
    expect(queryGrams('花园花园')).toEqual(['园花', '花园']);
  });
});

describe('cleanAliases', () => {
  it('drops repeats and the name itself, as matchAddress would compare them, keeping the order', () => {
    expect(cleanAliases('承水花园', ['承水 花园', '承水小区', '承水小区', 'ＡＢ楼', 'ab楼'])).toEqual(['承水小区', 'ＡＢ楼']);
  });
});

describe('gridOf', () => {
  const d = demoDistrict();
  const index = new GridIndex(d.grids);

  it('names the grid a point sends its requests to, a special grid before the base grid under it', () => {
    const book = new Map(demoAddresses(d).map((a) => [a.id, a]));
    for (const g of d.grids) expect({ g: g.code, at: gridOf(index, book.get(`addr-${g.code}`)!.point).code }).toEqual({ g: g.code, at: g.code });
  });

  const refusal = (at: { lat: number; lng: number }, grids = index) => {
    try {
      gridOf(grids, at);
    } catch (e) {
      return e as DomainError;
    }
    throw new Error('not refused');
  };

  it('refuses a point outside every grid with what to check', () => {
    const e = refusal({ lat: 34.9, lng: 117.8 });
    expect({ kind: e.kind, code: e.code }).toEqual({ kind: 'invalid', code: 'ADDRESS_OUTSIDE_GRIDS' });
    expect(e.message).toContain(`none of the district's ${index.size} grids`);
    expect(e.message).toContain('/api/v1/org/grids');
  });

  it('says so when latitude and longitude are swapped', () => {
    const p = demoAddresses(d)[0].point;
    expect(refusal({ lat: p.lng, lng: p.lat }).message).toMatch(/other way round it would lie in grid \S+/);
  });

  it('says when there are no grids at all', () => {
    expect(refusal({ lat: 1, lng: 1 }, new GridIndex([])).message).toContain('no grids yet');
    const one = new GridIndex([{ code: 'g', kind: 'base' as const, boundary: rectRing(0, 0, 1, 1) }]);
    expect(gridOf(one, { lat: 0.5, lng: 0.5 }).code).toBe('g');
  });
});
