import { escalationTarget, levelWithUnit, nextLevel, UnitChain } from './chain';

const chain: UnitChain = {
  grid: { code: 'G', name: '第1网格' },
  village: { code: 'V', name: '承水社区' },
  town: { code: 'T', name: '坛山街道' },
  district: { code: 'D', name: '峄城区' },
};

describe('the ladder', () => {
  it('goes grid, village, town, district, conference, leader and stops there', () => {
    const seen = ['grid'];
    let level = nextLevel('grid');
    while (level) {
      seen.push(level);
      level = nextLevel(level);
    }
    expect(seen).toEqual(['grid', 'village', 'town', 'district', 'conference', 'leader']);
  });

  it('escalates to the unit above, and from leader handling nowhere', () => {
    expect(escalationTarget('grid', chain)).toEqual({ level: 'village', unit: chain.village });
    expect(escalationTarget('district', chain)).toEqual({ level: 'conference', unit: { code: 'D', name: '峄城区联席会议' } });
    expect(escalationTarget('leader', chain)).toBeUndefined();
  });

  it('skips levels that have no unit (a case outside every grid starts at the district)', () => {
    const outside: UnitChain = { district: chain.district };
    expect(levelWithUnit('grid', outside)).toEqual({ level: 'district', unit: chain.district });
    expect(escalationTarget('grid', { grid: chain.grid, district: chain.district })).toEqual({ level: 'district', unit: chain.district });
  });
});
