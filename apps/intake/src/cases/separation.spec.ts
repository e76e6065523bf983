import { cannotSeparate } from './separation';

const member = { number: '20261123000043', status: 'assigned' as const, disposition: 'merged' as const, mergedInto: '20261123000042', clusterId: 'a6f1c7de-7f5e-4c57-9d4b-0d7c1f3e2a11' };
const codeOf = (c: Parameters<typeof cannotSeparate>[0]) => cannotSeparate(c)?.code ?? null;

describe('cannotSeparate (拆单)', () => {
  it('lets an open cluster member leave its cluster, whatever its lead has reached', () => {
    expect(cannotSeparate(member)).toBeNull();
    expect(codeOf({ ...member, status: 'replied' })).toBeNull();
  });

  it('refuses the lead, which is the cluster itself', () => {
    const lead = { ...member, number: member.mergedInto, disposition: 'dispatched' as const, mergedInto: null };
    const refusal = cannotSeparate(lead);
    expect([refusal?.kind, refusal?.code]).toEqual(['conflict', 'CASE_IS_CLUSTER_LEAD']);
    expect(refusal?.message).toContain(member.clusterId);
  });

  it('refuses a case that was never merged, naming what it is', () => {
    expect(codeOf({ ...member, disposition: 'dispatched', mergedInto: null, clusterId: null })).toBe('CASE_NOT_MERGED');
    expect(cannotSeparate({ ...member, disposition: 'answered', mergedInto: null, clusterId: null })?.message).toMatch(/answered/);
  });

  it('refuses a member that ended with its lead', () => {
    expect(codeOf({ ...member, status: 'closed' })).toBe('CASE_ENDED');
    expect(codeOf({ ...member, status: 'withdrawn' })).toBe('CASE_ENDED');
  });
});
