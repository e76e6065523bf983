import { DEMO_DISTRICT_CODE, DEMO_POINTS } from '@fq/domain';
import { api, eventually, tokenFor } from '@fq/testing';
import { caseStateQuery } from '@fq/workflows';
import { randomUUID } from 'node:crypto';
import { System, startSystem } from '../support/system';

const DAY = 24 * 3600_000;

/** A new rule-set version reaches running cases only on purpose: previewed, applied, audited, time spent kept. */
describe('applying a rule-set version to running cases', () => {
  let sys: System;
  let admin: string;

  beforeAll(async () => {
    sys = await startSystem();
    admin = tokenFor(sys.admin, 'admin', ['admin'], DEMO_DISTRICT_CODE);
  });

  afterAll(async () => {
    await sys?.stop();
  });

  it('previews how each deadline moves, then applies it to the workflows and audits it', async () => {
    const operator = tokenFor(sys.intake, 'operator', ['operator'], DEMO_DISTRICT_CODE);
    const posted = await api(`${sys.intake.url}/api/v1/cases`, operator, {
      body: { channel: 'hotline', title: '小区供暖不热', description: '家中暖气温度不足十五度', location: DEMO_POINTS[3].point, requester: { name: '赵敏', phone: '13500002222' }, separate: true },
    });
    const { caseNumber } = posted.body;
    const handle = sys.temporal.workflow.getHandle(`case-${caseNumber}`);
    const before = await eventually('assignment', async () => {
      const s = await handle.query(caseStateQuery).catch(() => undefined);
      return s?.status === 'assigned' ? s : undefined;
    });
    const entered = Date.parse(before.levels[0].enteredAt);
    const oldResolve = Date.parse(before.levels[0].resolveBy);

    // The next version: every rule for ordinary requests resolves in 2 days instead of its old limit.
    const sets = await api(`${sys.admin.url}/api/v1/sla/rule-sets`, admin);
    const current = sets.body.items.find((s: { inForce?: boolean }) => s.inForce);
    const rules = current.rules.map((r: { match: { urgencies?: string[] }; levels: Record<string, { resolveWithin: unknown }> }) =>
      r.match.urgencies?.includes('normal') ? { ...r, levels: Object.fromEntries(Object.entries(r.levels).map(([l, lim]) => [l, { ...lim, resolveWithin: { amount: 2, unit: 'days' } }])) } : r,
    );
    const created = await api(`${sys.admin.url}/api/v1/sla/rule-sets`, admin, { body: { name: `apply-${randomUUID().slice(0, 8)}`, rules } });
    expect(created.status).toBe(201);
    const draftPreview = await api(`${sys.admin.url}/api/v1/sla/rule-sets/${created.body.id}/apply-preview`, admin);
    expect([draftPreview.status, draftPreview.body.error.code]).toEqual([409, 'SLA_RULE_SET_NOT_ACTIVE']);
    await api(`${sys.admin.url}/api/v1/sla/rule-sets/${created.body.id}/activate`, admin, { body: {} });

    const preview = await api(`${sys.admin.url}/api/v1/sla/rule-sets/${created.body.id}/apply-preview`, admin);
    expect(preview.status).toBe(200);
    const mine = preview.body.cases.find((c: { caseNumber: string }) => c.caseNumber === caseNumber);
    expect(mine).toMatchObject({ level: 'grid', from: { resolveBy: new Date(oldResolve).toISOString() }, to: { version: created.body.version, resolveBy: new Date(entered + 2 * DAY).toISOString() } });
    expect(mine.shiftMs).toBe(entered + 2 * DAY - oldResolve);
    expect((await handle.query(caseStateQuery)).levels[0].resolveBy).toBe(new Date(oldResolve).toISOString()); // a preview changes nothing

    const applied = await api(`${sys.admin.url}/api/v1/sla/rule-sets/${created.body.id}/apply`, admin, { body: {} });
    expect(applied.status).toBe(200);
    const after = await eventually('the new version in the workflow', async () => {
      const s = await handle.query(caseStateQuery);
      return s.policy?.version === created.body.version ? s : undefined;
    });
    expect(after.levels[0].resolveBy).toBe(new Date(entered + 2 * DAY).toISOString());
    const view = await eventually('intake to show the new deadline', async () => {
      const r = await api(`${sys.intake.url}/api/v1/cases/${caseNumber}`, operator);
      return r.body.resolveBy === after.levels[0].resolveBy ? r.body : undefined;
    });
    expect(view.overdue).toBe(false);
    const audit = await api(`${sys.admin.url}/api/v1/audit?subject=${created.body.id}`, admin);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toContain('sla.rule-set.applied');
  });
});
