import { DispatchDecision, UnitChain } from '@fq/domain';
import type { Placement } from '../org/grid-locator';
import { dispatchPlanOf } from './dispatch-plan';

const district = { code: '370404', name: '峄城区' };
const town = { code: '370404100', name: '古邵镇' };
const village = { code: '370404100201', name: '南洛村' };
const grid = { code: '370404100201001', name: '南洛村第一网格' };
const chain: UnitChain = { grid, village, town, district };
const placed = (c: UnitChain): Placement => ({ grid: { ...grid, kind: 'base', villageCode: village.code, townCode: town.code, boundary: [] }, unit: grid, chain: c });
const decision = (over: Partial<DispatchDecision>): DispatchDecision => ({ start: 'grid', handler: 'area', departmentMatter: false, entryId: null, reason: 'because', ...over });

describe('dispatchPlanOf', () => {
  it('gives an area decision to whoever holds the start level in the chain', () => {
    expect(dispatchPlanOf(decision({ start: 'grid' }), placed(chain), undefined)).toEqual({ level: 'grid', unit: grid, chain, departmentMatter: false, entryId: null, reason: 'because' });
    expect(dispatchPlanOf(decision({ start: 'town', entryId: 'e1' }), placed(chain), undefined)).toMatchObject({ level: 'town', unit: town, entryId: 'e1' });
    expect(dispatchPlanOf(decision({ start: 'district' }), placed(chain), undefined)).toMatchObject({ level: 'district', unit: district });
  });

  it('climbs when the start level has no unit in the chain', () => {
    const noVillage: UnitChain = { grid, town, district };
    expect(dispatchPlanOf(decision({ start: 'village' }), placed(noVillage), undefined)).toMatchObject({ level: 'town', unit: town, chain: noVillage });
  });

  it('gives a unit decision to that unit at the start level, keeping the chain above it', () => {
    const dept = { code: '370404D04', name: '区市场监督管理局' };
    const plan = dispatchPlanOf(decision({ start: 'district', handler: { unitCode: dept.code }, departmentMatter: true }), placed(chain), dept);
    expect(plan).toEqual({ level: 'district', unit: dept, chain, departmentMatter: true, entryId: null, reason: 'because' });
  });
});
