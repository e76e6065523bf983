import { conflict, notFound } from '@fq/domain';
import { ApplicationFailure } from '@temporalio/common';
import type { CalendarService } from '../calendar/calendar.service';
import type { SlaService } from '../sla/sla.service';
import { adminActivities } from './ladder.activities';

const facts = { caseNumber: '20250303000001', channel: 'hotline' as const, categoryCode: 'C01', urgency: 'normal' as const, at: '2025-03-03T01:00:00Z' };
const calendar = { snapshot: async () => ({ holidays: [], workdays: [] }) } as unknown as CalendarService;
const failingWith = (e: Error) => adminActivities({ resolve: async () => Promise.reject(e) } as unknown as SlaService, calendar);

async function failure(p: Promise<unknown>): Promise<ApplicationFailure> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  if (!(e instanceof ApplicationFailure)) throw new Error(`expected an ApplicationFailure, got ${String(e)}`);
  return e;
}

describe('admin.resolveSlaPolicy', () => {
  it.each(['SLA_NO_RULE_SET_IN_FORCE', 'SLA_NO_MATCHING_RULE'])('fails %s as the non-retryable SLA_POLICY_MISSING, keeping the reason', async (code) => {
    const f = await failure(failingWith(notFound(code, 'No rule of "默认" matches a request case.')).resolveSlaPolicy(facts));
    expect(f).toMatchObject({ type: 'DomainError', nonRetryable: true, message: 'No rule of "默认" matches a request case.', details: [{ code: 'SLA_POLICY_MISSING' }] });
  });

  it('keeps other business errors as they are', async () => {
    const f = await failure(failingWith(conflict('SOMETHING_ELSE', 'x')).resolveSlaPolicy(facts));
    expect(f.details).toEqual([{ code: 'SOMETHING_ELSE' }]);
  });
});
