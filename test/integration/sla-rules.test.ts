import { DEMO_DISTRICT_CODE, SLA_PRESETS, SlaRule } from '@fq/domain';
import { RunningApp, api, startApp, tokenFor } from '@fq/testing';
import { randomUUID } from 'node:crypto';
import { AdminModule } from '../../apps/admin/src/admin.module';
import { prepareDatabase } from '../support/system';

// The database is shared with other suites: every set here has a fresh name, and every set this
// suite activates starts at a random instant centuries ahead, so what is in force now (and at any
// time another suite looks at) never changes. Nobody can activate in the past, so the seeded
// default set is the one in force in 2020 whatever else has run.
const SEEDED_ERA = '2020-06-01T00:00:00Z';
const farFuture = () => new Date(Date.parse('2100-01-01T00:00:00Z') + Math.floor(Math.random() * 800 * 365 * 86_400_000));

describe('SLA rule sets', () => {
  let admin: RunningApp;
  let adminToken: string;
  let operatorToken: string;
  const run = randomUUID().slice(0, 8);
  const url = (path: string) => `${admin.url}/api/v1${path}`;
  const resolve = (body: Record<string, unknown>) => api(url('/sla/resolve'), operatorToken, { body });
  const auditOf = async (id: string) => (await api(url(`/audit?subject=${id}`), adminToken)).body.items.map((e: { action: string }) => e.action);
  const rule = (id: string, match: SlaRule['match']): SlaRule => ({ ...SLA_PRESETS['san-san'].rules[0], id, name: `${id} (${run})`, match });

  beforeAll(async () => {
    await prepareDatabase();
    admin = await startApp(AdminModule);
    adminToken = tokenFor(admin, `sla-admin-${run}`, ['admin'], DEMO_DISTRICT_CODE);
    operatorToken = tokenFor(admin, `sla-operator-${run}`, ['operator'], DEMO_DISTRICT_CODE);
  });

  afterAll(async () => {
    await admin?.close();
  });

  it('has the seeded default set in force: petitions by the 信访 statute, emergency requests in 2 hours', async () => {
    const petition = await resolve({ channel: 'petition', urgency: 'emergency', at: SEEDED_ERA });
    expect(petition.status).toBe(200);
    expect(petition.body).toMatchObject({ ruleSetName: '峄城区默认', version: 1, rule: { id: 'petition' } });
    expect(petition.body.rule.levels.town).toMatchObject({ signWithin: { amount: 15, unit: 'days' }, resolveWithin: { amount: 60, unit: 'days' }, maxExtension: { amount: 30, unit: 'days' } });

    const emergency = await resolve({ channel: 'hotline', urgency: 'emergency', categoryCode: 'C03-01', at: SEEDED_ERA });
    expect(emergency.body).toMatchObject({ ruleSetId: petition.body.ruleSetId, rule: { id: 'request-emergency' } });
    expect(emergency.body.rule.levels.grid.resolveWithin).toEqual({ amount: 2, unit: 'hours' });

    const presets = await api(url('/sla/presets'), operatorToken);
    expect(presets.body.items.map((p: { key: string }) => p.key)).toEqual(['san-san', 'beijing-12345', 'xinfang-2022', 'fifteen-15-15']);
  });

  it('rejects an overlapping set with 400 SLA_RULE_OVERLAP naming both rules and a case', async () => {
    const res = await api(url('/sla/rule-sets'), adminToken, { body: { name: `overlap-${run}`, rules: [rule('roads', { categories: ['C03'] }), rule('potholes', { categories: ['C03-02'] })] } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('SLA_RULE_OVERLAP');
    expect(res.body.error.message).toMatch(/"roads".*"potholes".*category C03-02/);
    expect((await api(url(`/sla/rule-sets?name=overlap-${run}`), adminToken)).body.items).toEqual([]);
  });

  it('creates the next version of a name from a preset, as an audited draft', async () => {
    const name = `信访-${run}`;
    const first = await api(url('/sla/rule-sets'), adminToken, { body: { name, preset: 'xinfang-2022' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name, version: 1, status: 'draft', activeFrom: null, preset: 'xinfang-2022', createdBy: `sla-admin-${run}`, inForce: false });
    expect(first.body.rules).toEqual(SLA_PRESETS['xinfang-2022'].rules);
    const second = await api(url('/sla/rule-sets'), adminToken, { body: { name, preset: 'xinfang-2022' } });
    expect(second.body.version).toBe(2);

    const list = await api(url(`/sla/rule-sets?name=${encodeURIComponent(name)}`), operatorToken);
    expect(list.body.items.map((s: { version: number }) => s.version)).toEqual([2, 1]);
    expect((await api(url(`/sla/rule-sets/${first.body.id}`), operatorToken)).body).toEqual(first.body);
    expect((await api(url(`/sla/rule-sets/${randomUUID()}`), operatorToken)).body.error.code).toBe('SLA_RULE_SET_NOT_FOUND');
    expect(await auditOf(second.body.id)).toEqual(['sla.rule-set.created']);
  });

  it('activates a version from a future instant: now keeps its set, that instant gets the new one', async () => {
    const created = await api(url('/sla/rule-sets'), adminToken, { body: { name: `future-${run}`, rules: [rule(`petitions-${run}`, { caseTypes: ['petition'] }), rule('default', {})] } });
    const id = created.body.id;
    const before = await resolve({ channel: 'petition' });
    expect(before.status).toBe(200);

    const from = farFuture();
    const activated = await api(url(`/sla/rule-sets/${id}/activate`), adminToken, { body: { activeFrom: from.toISOString() } });
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ status: 'active', activeFrom: from.toISOString(), inForce: false });

    const now = await resolve({ channel: 'petition' });
    expect(now.body).toMatchObject({ ruleSetId: before.body.ruleSetId, version: before.body.version, rule: { id: before.body.rule.id } });
    const then = await resolve({ channel: 'petition', at: from.toISOString() });
    expect(then.body).toMatchObject({ ruleSetId: id, version: 1, rule: { id: `petitions-${run}` } });
    const justBefore = await resolve({ channel: 'petition', at: new Date(from.getTime() - 1).toISOString() });
    expect(justBefore.body.ruleSetId).not.toBe(id);

    const again = await api(url(`/sla/rule-sets/${id}/activate`), adminToken, { body: {} });
    expect([again.status, again.body.error.code]).toEqual([409, 'SLA_RULE_SET_NOT_DRAFT']);
    expect(await auditOf(id)).toEqual(['sla.rule-set.activated', 'sla.rule-set.created']);
  });

  it('never activates in the past, nor two sets at the same instant', async () => {
    const draft = async () => (await api(url('/sla/rule-sets'), adminToken, { body: { name: `clash-${run}`, preset: 'san-san' } })).body.id;
    const [a, b] = [await draft(), await draft()];
    const past = await api(url(`/sla/rule-sets/${a}/activate`), adminToken, { body: { activeFrom: '2001-01-01T00:00:00Z' } });
    expect([past.status, past.body.error.code]).toEqual([400, 'SLA_ACTIVE_FROM_IN_PAST']);
    const from = farFuture().toISOString();
    expect((await api(url(`/sla/rule-sets/${a}/activate`), adminToken, { body: { activeFrom: from } })).status).toBe(200);
    const clash = await api(url(`/sla/rule-sets/${b}/activate`), adminToken, { body: { activeFrom: from } });
    expect([clash.status, clash.body.error.code]).toEqual([409, 'SLA_ACTIVE_FROM_TAKEN']);
  });

  it('refuses to activate a set that leaves some case without a rule (SLA_CATCH_ALL_REQUIRED); it stays a draft', async () => {
    const created = await api(url('/sla/rule-sets'), adminToken, { body: { name: `petitions-only-${run}`, preset: 'xinfang-2022' } });
    expect(created.status).toBe(201);
    const refused = await api(url(`/sla/rule-sets/${created.body.id}/activate`), adminToken, { body: { activeFrom: farFuture().toISOString() } });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'SLA_CATCH_ALL_REQUIRED']);
    expect(refused.body.error.message).toContain('no rule takes a request case with urgency emergency');
    expect((await api(url(`/sla/rule-sets/${created.body.id}`), adminToken)).body).toMatchObject({ status: 'draft', activeFrom: null });
    expect(await auditOf(created.body.id)).toEqual(['sla.rule-set.created']);
  });

  it('lets only an admin create or activate', async () => {
    const create = await api(url('/sla/rule-sets'), operatorToken, { body: { name: `nope-${run}`, preset: 'san-san' } });
    expect([create.status, create.body.error.code]).toEqual([403, 'ROLE_REQUIRED']);
    const activate = await api(url(`/sla/rule-sets/${randomUUID()}/activate`), operatorToken, { body: {} });
    expect(activate.status).toBe(403);
    expect((await api(url(`/sla/rule-sets?name=nope-${run}`), adminToken)).body.items).toEqual([]);
  });
});
