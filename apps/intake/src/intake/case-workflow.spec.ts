import { UnitChain } from '@fq/domain';
import type { DispatchPlan } from '../dispatch/dispatch-plan';
import { caseWorkflowStart } from './case-workflow';

const grid = { code: '370404100201001', name: '南洛村第一网格' };
const district = { code: '370404', name: '峄城区' };
const chain: UnitChain = { grid, district };
const plan = (over: Partial<DispatchPlan> = {}): DispatchPlan => ({ level: 'grid', unit: grid, chain, departmentMatter: false, entryId: null, reason: '大中小: small', ...over });
const kase = { number: '20261123000042', channel: 'opinion' as const, title: '夜间施工噪声扰民', categoryCode: 'C03-01', urgency: 'normal', gridCode: grid.code };

describe('caseWorkflowStart', () => {
  it("starts case-<number> on the cases queue where the plan says, with the case's search attributes", () => {
    const start = caseWorkflowStart(kase, plan(), 'corr-1');
    expect(start).toMatchObject({ workflowId: 'case-20261123000042', taskQueue: 'cases', workflowIdReusePolicy: 'REJECT_DUPLICATE' });
    expect(start.args).toEqual([
      { caseNumber: kase.number, channel: 'opinion', title: kase.title, categoryCode: 'C03-01', urgency: 'normal', gridCode: grid.code, level: 'grid', unit: grid, chain, correlationId: 'corr-1' },
    ]);
    expect(start.searchAttributes).toEqual({ CaseNumber: kase.number, CaseLevel: 'grid', CaseStatus: 'registered', HandlingUnit: grid.code, GridCode: grid.code, CaseCategory: 'C03-01' });
  });

  it('leaves out the grid and category attributes a case does not have', () => {
    const start = caseWorkflowStart({ ...kase, gridCode: null, categoryCode: null }, plan({ level: 'district', unit: district }), 'corr-2');
    expect(start.searchAttributes).toEqual({ CaseNumber: kase.number, CaseLevel: 'district', CaseStatus: 'registered', HandlingUnit: district.code });
  });
});
