import { DEMO_DISTRICT_CODE } from '@fq/domain';
import { RunningApp, api, startApp, tokenFor } from '@fq/testing';
import type { CaseProgress, CaseProgressKind } from '@fq/workflows';
import { EventConsumer } from '@fq/events';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { ProgressService } from '../../apps/intake/src/progress/progress.service';
import { freshPhone } from '../support/requests';
import { prepareDatabase } from '../support/system';

// The kind the case workflow records when it cannot resolve an SLA policy.
const POLICY_MISSING: CaseProgressKind = 'sla-policy-missing';

/** A case whose workflow waits for an SLA policy is on the dispatcher's attention list until its next step arrives. */
describe('the attention list and the inbox, driven directly', () => {
  let intake: RunningApp;
  let centre: string;

  beforeAll(async () => {
    await prepareDatabase();
    intake = await startApp(IntakeModule);
    centre = tokenFor(intake, 'dispatcher', ['district_centre'], DEMO_DISTRICT_CODE);
  });
  afterAll(() => intake?.close());

  const progress = (caseNumber: string, kind: CaseProgressKind, at: Date, details: Record<string, unknown>): CaseProgress => ({
    id: randomUUID(),
    caseNumber,
    correlationId: randomUUID(),
    kind,
    at: at.toISOString(),
    level: 'district',
    unitCode: DEMO_DISTRICT_CODE,
    unitName: '峄城区',
    resolveBy: null,
    overdue: false,
    details,
  });
  const waiting = async () => (await api(`${intake.url}/api/v1/triage/attention`, centre)).body.policyMissing as { caseNumber: string; title: string; reason: string; since: string }[];

  it('lists the case with its reason and since when, and drops it once a later step is recorded', async () => {
    // Recorded but not dispatched: no workflow of its own reports steps on it during the test.
    const res = await api(`${intake.url}/api/v1/cases`, centre, {
      body: { channel: 'hotline', title: '咨询社保缴费', description: '来电咨询社保缴费方式', requester: { name: '何静', phone: freshPhone('135') }, outcome: { kind: 'answered', reason: '已当场解答缴费方式' } },
    });
    expect(res.status).toBe(201);
    const { caseNumber } = res.body as { caseNumber: string };
    const service = intake.app.get(ProgressService);
    const first = new Date(Date.now() - 60_000);
    await service.record(progress(caseNumber, POLICY_MISSING, first, { status: 'registered', reason: 'no rule set in force' }));
    await service.record(progress(caseNumber, POLICY_MISSING, new Date(first.getTime() + 30_000), { status: 'registered', reason: 'no rule matches hotline / C99-99' }));

    const listed = (await waiting()).find((w) => w.caseNumber === caseNumber);
    expect(listed).toEqual({ caseNumber, title: '咨询社保缴费', reason: 'no rule matches hotline / C99-99', since: first.toISOString() });
    // Waiting moves nothing on the case: it has no status in its details.
    expect((await api(`${intake.url}/api/v1/cases/${caseNumber}`, centre)).body.status).toBe('closed');

    await service.record(progress(caseNumber, 'sla-changed', new Date(), { status: 'closed', ruleSetId: randomUUID(), version: 2, appliedBy: 'admin' }));
    expect((await waiting()).map((w) => w.caseNumber)).not.toContain(caseNumber);
  });

  it("prunes the inbox past its retention, keeping the idempotency window", async () => {
    const consumer = intake.app.get(EventConsumer);
    const [old, recent] = [randomUUID(), randomUUID()];
    const db = intake.app.get(DataSource);
    await db.query(`INSERT INTO intake.inbox (event_id, handler, type, processed_at) VALUES ($1, 'test.prune', 'case.assigned', now() - interval '9 days'), ($2, 'test.prune', 'case.assigned', now() - interval '6 days')`, [old, recent]);
    expect(await consumer.pruneInbox()).toBeGreaterThanOrEqual(1);
    const left: { eventId: string }[] = await db.query(`SELECT event_id AS "eventId" FROM intake.inbox WHERE handler = 'test.prune'`);
    expect(left.map((r) => r.eventId)).toEqual([recent]);
  });
});
