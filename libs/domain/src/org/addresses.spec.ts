import { GridIndex } from '../geo';
import { type KnownAddress, demoAddresses, matchAddress, normaliseAddress } from './addresses';
import { demoDistrict } from './demo-district';

const entry = (id: string, name: string, lat: number, aliases: string[] = [], active = true): KnownAddress => ({ id, name, aliases, point: { lat, lng: 117.5 }, active });

describe('matchAddress', () => {
  const book = [
    entry('a', '锦绣花园', 34.71, ['锦绣花园小区']),
    entry('b', '承水社区居委会', 34.72),
    entry('c', '幸福家园', 34.73),
    entry('d', '幸福家园', 34.74),
    entry('e', '老粮站', 34.75, [], false),
    entry('f', '园', 34.76),
  ];

  it('takes the longest known name the address holds, spaces and full-width letters aside', () => {
    expect(matchAddress(book, '峄城区坛山街道 承水社区 锦绣花园小区 3号楼')).toMatchObject({ kind: 'found', address: { id: 'a' }, matched: '锦绣花园小区' });
    expect(matchAddress(book, '承水社区居委会门口')).toMatchObject({ kind: 'found', address: { id: 'b' } });
    expect(normaliseAddress('３号楼 ２单元（东）')).toBe('3号楼2单元东');
  });

  it('says when two places answer to the same name, and ignores retired entries and one-character names', () => {
    expect(matchAddress(book, '幸福家园北门')).toMatchObject({ kind: 'ambiguous', matched: '幸福家园', candidates: [{ id: 'c' }, { id: 'd' }] });
    expect(matchAddress(book, '老粮站东边')).toBeUndefined();
    expect(matchAddress(book, '公园里')).toBeUndefined();
    expect(matchAddress([], '锦绣花园')).toBeUndefined();
  });
});

describe('demoAddresses', () => {
  const d = demoDistrict();
  const book = demoAddresses(d);
  const index = new GridIndex(d.grids);

  it('names every village committee, a compound in every base grid and every special grid, each once', () => {
    expect(book.length).toBe(d.villages.length + d.grids.length);
    expect(new Set(book.map((a) => a.name)).size).toBe(book.length);
    expect(new Set(book.map((a) => a.id)).size).toBe(book.length);
    expect(book.map((a) => a.name)).toEqual(expect.arrayContaining(['承水社区居委会', '大邵庄村村委会', '峄城区人民医院', '承水花园']));
  });

  it('puts each compound and special place in the grid it stands for', () => {
    for (const g of d.grids) expect({ g: g.code, at: index.locate(book.find((a) => a.id === `addr-${g.code}`)!.point)?.code }).toEqual({ g: g.code, at: g.code });
  });

  it('finds each of its own names unambiguously', () => {
    for (const a of book) expect({ name: a.name, id: (matchAddress(book, `诉求地址：${a.name}附近`) as { address?: KnownAddress }).address?.id }).toEqual({ name: a.name, id: a.id });
  });
});
