import { CLUSTER_RADIUS_METRES, Matter, clusterBox, clusterLockKeys, distanceMetres, sameCluster, sameMatter, wordOverlap } from './matching';

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

  it('locks the cells around a point: neighbours that could cluster share a lock, distant requests do not', () => {
    const keys = (p: { lat: number; lng: number }, category = 'C02-01') => clusterLockKeys(category, clusterBox(p));
    const a = at(34.6999, 117.4699); // a few metres from a cell corner: its box touches four cells
    expect(keys(a)).toHaveLength(4);
    expect(keys(a)).toEqual([...keys(a)].sort());
    for (const [dLat, dLng] of [[0.0025, 0], [0, 0.003], [-0.0018, -0.0018], [0.0001, 0.0001]]) {
      const b = at(a.lat + dLat, a.lng + dLng);
      if (distanceMetres(a, b) > CLUSTER_RADIUS_METRES) continue;
      expect(keys(a).filter((k) => keys(b).includes(k)).length).toBeGreaterThan(0);
    }
    const far = at(34.75, 117.55);
    expect(keys(a).filter((k) => keys(far).includes(k))).toEqual([]);
    expect(keys(a, 'C05-01').filter((k) => keys(a).includes(k))).toEqual([]);
    expect(keys(at(34.705, 117.475))).toHaveLength(1); // in the middle of a cell
  });
});
