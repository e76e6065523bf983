import { Matter, distanceMetres, sameCluster, sameMatter, wordOverlap } from './matching';

const at = (lat: number, lng: number) => ({ lat, lng });
const matter = (m: Partial<Matter>): Matter => ({ categoryCode: null, gridCode: 'g1', location: null, words: [], ...m });

describe('matching requests', () => {
  it('measures distance on the ground', () => {
    // 0.001 degree of latitude is about 111 m.
    expect(distanceMetres(at(34.7, 117.47), at(34.701, 117.47))).toBeGreaterThan(105);
    expect(distanceMetres(at(34.7, 117.47), at(34.701, 117.47))).toBeLessThan(117);
  });

  it('overlaps words as a share of all the words', () => {
    expect(wordOverlap(['路灯', '不亮'], ['路灯', '不亮'])).toBe(1);
    expect(wordOverlap(['路灯', '不亮'], ['路灯', '坏'])).toBeCloseTo(1 / 3);
    expect(wordOverlap([], ['路灯'])).toBe(0);
  });

  it('takes the same sub-item at the same place as the same matter', () => {
    const first = matter({ categoryCode: 'C02-01', location: at(34.7, 117.47), words: ['路灯', '不亮'] });
    expect(sameMatter(first, matter({ categoryCode: 'C02-01', location: at(34.7005, 117.47), words: ['灯', '黑'] }))).toBe(true);
    expect(sameMatter(first, matter({ categoryCode: 'C02-01', location: at(34.71, 117.47) }))).toBe(false);
    expect(sameMatter(first, matter({ categoryCode: 'C03-01', location: at(34.7, 117.47), words: ['路灯', '不亮'] }))).toBe(false);
  });

  it('needs some shared words for a sibling sub-item, and many without categories', () => {
    const first = matter({ categoryCode: 'C02-01', words: ['小区', '路灯', '不亮', '晚上'] });
    expect(sameMatter(first, matter({ categoryCode: 'C02-03', words: ['小区', '路灯', '坏'] }))).toBe(true);
    expect(sameMatter(first, matter({ categoryCode: 'C02-03', words: ['马路', '坑槽'] }))).toBe(false);
    expect(sameMatter(matter({ words: ['楼上', '漏水'] }), matter({ words: ['楼上', '漏水', '严重'] }))).toBe(true);
    expect(sameMatter(matter({ words: ['楼上', '漏水'] }), matter({ words: ['工资', '拖欠'] }))).toBe(false);
    expect(sameMatter(matter({ gridCode: 'g1', words: ['楼上', '漏水'] }), matter({ gridCode: 'g2', words: ['楼上', '漏水'] }))).toBe(false);
  });

  it('clusters only located requests of one sub-item within the radius', () => {
    const first = matter({ categoryCode: 'C03-01', location: at(34.7, 117.47) });
    expect(sameCluster(first, matter({ categoryCode: 'C03-01', location: at(34.702, 117.47) }))).toBe(true);
    expect(sameCluster(first, matter({ categoryCode: 'C03-01', location: at(34.704, 117.47) }))).toBe(false);
    expect(sameCluster(first, matter({ categoryCode: 'C03-02', location: at(34.7, 117.47) }))).toBe(false);
    expect(sameCluster(first, matter({ categoryCode: 'C03-01', location: null }))).toBe(false);
    expect(sameCluster(matter({ location: at(34.7, 117.47) }), matter({ location: at(34.7, 117.47) }))).toBe(false);
  });
});
