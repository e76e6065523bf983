import { Module } from '@nestjs/common';
import { DEMO_DISTRICT_CODE, DEMO_OUTSIDE, DEMO_POINTS, DispatchEntry, LatLng, demoDistrict } from '@fq/domain';
import { RunningApp, api, eventually, startApp, tokenFor } from '@fq/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AdminModule } from '../../apps/admin/src/admin.module';
import { DispatchModule } from '../../apps/intake/src/dispatch/dispatch.module';
import { DispatchPlanner } from '../../apps/intake/src/dispatch/dispatch-planner';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { GridLocator } from '../../apps/intake/src/org/grid-locator';
import { prepareDatabase } from '../support/system';

/** Intake with the dispatch planner, whether or not IntakeModule imports it yet. */
@Module({ imports: [IntakeModule, DispatchModule] })
class IntakeWithDispatch {}

const d = demoDistrict();
const GUSHAO = d.towns.find((t) => t.name === '古邵镇')!;
const MARKET_BUREAU = d.departments.find((u) => u.name === '区市场监督管理局')!;
const HOUSING_BUREAU = d.departments.find((u) => u.name === '区住房和城乡建设局')!;
const IN_GUSHAO = DEMO_POINTS.find((p) => p.gridCode.startsWith(GUSHAO.code))!.point;

// The database is shared: every category here gets a fresh code, catalogue entries only name
// those, and the catalogue found at the start is put back at the end.
describe('categories and the dispatch catalogue, from admin to intake', () => {
  let admin: RunningApp;
  let intake: RunningApp;
  let db: DataSource;
  let planner: DispatchPlanner;
  let locator: GridLocator;
  let adminToken: string;
  let operatorToken: string;
  let original: { version: number; entries: DispatchEntry[] };
  const run = randomUUID().slice(0, 6).toUpperCase();
  const url = (path: string) => `${admin.url}/api/v1${path}`;
  const asAdmin = (path: string, method = 'GET', body?: unknown) => api(url(path), adminToken, { method, body });
  const place = (at: LatLng) => locator.place(at);

  /** A fresh sub-item of `parent` (its code unique to this run and test). */
  const newCategory = async (parent: string, tag: string, over: Record<string, unknown> = {}) => {
    const res = await asAdmin('/categories', 'POST', { code: `${parent}-${tag}${run}`, name: `测试${tag}${run}`, leadDepartmentCode: HOUSING_BUREAU.code, ...over });
    expect(res.status).toBe(201);
    return res.body as { code: string };
  };
  const replaceCatalogue = async (add: DispatchEntry[]) => {
    const current = (await asAdmin('/dispatch/catalogue')).body;
    const res = await asAdmin('/dispatch/catalogue', 'PUT', { entries: [...current.entries, ...add], expectedVersion: current.version });
    expect(res.status).toBe(200);
    return res.body as { version: number; entries: DispatchEntry[] };
  };
  const intakeKnows = (what: string, sql: string, params: unknown[]) => eventually(what, async () => ((await db.query(sql, params)).length ? true : undefined), 30_000);

  beforeAll(async () => {
    await prepareDatabase();
    [admin, intake] = await Promise.all([startApp(AdminModule), startApp(IntakeWithDispatch)]);
    db = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL }).initialize();
    planner = intake.app.get(DispatchPlanner);
    locator = intake.app.get(GridLocator);
    adminToken = tokenFor(admin, `dispatch-admin-${run}`, ['admin'], DEMO_DISTRICT_CODE);
    operatorToken = tokenFor(admin, `dispatch-operator-${run}`, ['operator'], DEMO_DISTRICT_CODE);
    original = (await asAdmin('/dispatch/catalogue')).body;
    await eventually('the tree, the grids and the catalogue to reach intake', async () => {
      const [row] = await db.query(`SELECT
        (SELECT count(*) FROM intake.grid)::int = (SELECT count(*) FROM admin.grid)
        AND (SELECT count(*) FROM intake.category)::int = (SELECT count(*) FROM admin.category)
        AND (SELECT version FROM intake.dispatch_catalogue) = (SELECT max(version) FROM admin.dispatch_catalogue) AS caught_up`);
      return row.caught_up ? true : undefined;
    });
  });

  afterAll(async () => {
    if (admin && original) {
      const current = (await asAdmin('/dispatch/catalogue')).body;
      if (current.version !== original.version) await asAdmin('/dispatch/catalogue', 'PUT', { entries: original.entries, expectedVersion: current.version });
    }
    await db?.destroy();
    await Promise.all([admin?.close(), intake?.close()]);
  });

  it('serves the seeded tree with its department matters, and a catalogue in force', async () => {
    const list = await api(url('/categories'), operatorToken);
    expect(list.status).toBe(200);
    const byCode = new Map((list.body.items as { code: string }[]).map((c) => [c.code, c]));
    expect(byCode.get('C05-01')).toEqual({ code: 'C05-01', name: '食品安全', parentCode: 'C05', leadDepartmentCode: MARKET_BUREAU.code, departmentMatter: true, active: true });
    expect(byCode.get('C01-01')).toMatchObject({ name: '物业管理', departmentMatter: false, active: true });
    expect((await api(url('/categories/C04-01'), operatorToken)).body).toMatchObject({ name: '拖欠工资', departmentMatter: true });

    const catalogue = await api(url('/dispatch/catalogue'), operatorToken);
    expect(catalogue.status).toBe(200);
    expect(catalogue.body).toMatchObject({ version: expect.any(Number), entries: expect.any(Array), createdBy: expect.any(String) });
    expect((await planner.categories()).find((c) => c.code === 'C05-01')).toMatchObject({ departmentMatter: true, leadDepartmentCode: MARKET_BUREAU.code });
  });

  it('plans small, medium and large matters by the 大中小 rule, and a department matter to its lead department', async () => {
    const { code } = await newCategory('C01', 'P');
    await eventually('the new category to reach the planner', async () => ((await planner.categories()).some((c) => c.code === code) ? true : undefined));
    const placement = await place(IN_GUSHAO);
    expect(placement.grid?.townCode).toBe(GUSHAO.code);

    const small = await planner.plan({ categoryCode: code, size: 'small', placement });
    expect(small).toMatchObject({ level: 'grid', unit: placement.chain.grid, chain: placement.chain, departmentMatter: false, entryId: null });
    expect(await planner.plan({ categoryCode: code, size: 'medium', placement })).toMatchObject({ level: 'town', unit: { code: GUSHAO.code, name: '古邵镇' } });
    expect(await planner.plan({ categoryCode: code, size: 'large', placement })).toMatchObject({ level: 'district', unit: { code: DEMO_DISTRICT_CODE } });

    const food = await planner.plan({ categoryCode: 'C05-01', size: 'small', placement });
    expect(food).toMatchObject({ level: 'district', unit: { code: MARKET_BUREAU.code, name: '区市场监督管理局' }, departmentMatter: true, entryId: null });
    expect(food.chain).toEqual(placement.chain);

    const outside = await place(DEMO_OUTSIDE);
    expect(await planner.plan({ categoryCode: code, size: 'small', placement: outside })).toMatchObject({ level: 'district', unit: { code: DEMO_DISTRICT_CODE }, departmentMatter: false });
    expect(await planner.plan({ categoryCode: 'C05-01', size: 'small', placement: outside })).toMatchObject({ level: 'district', unit: { code: MARKET_BUREAU.code } });
    await expect(planner.plan({ categoryCode: 'C99-99', size: 'small', placement })).rejects.toMatchObject({ kind: 'invalid', code: 'UNKNOWN_CATEGORY' });
  });

  it('edits a category: audited, announced, and intake plans with the change', async () => {
    const { code } = await newCategory('C01', 'E');
    const patched = await asAdmin(`/categories/${code}`, 'PATCH', { name: `改名${run}`, leadDepartmentCode: MARKET_BUREAU.code, departmentMatter: true });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ code, name: `改名${run}`, parentCode: 'C01', leadDepartmentCode: MARKET_BUREAU.code, departmentMatter: true, active: true });
    const audit = (await asAdmin(`/audit?subject=${code}`)).body.items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['category.updated', 'category.created']);
    expect(audit[0].details.changes.departmentMatter).toEqual({ from: false, to: true });

    await intakeKnows('the edit to reach intake', `SELECT 1 FROM intake.category WHERE code = $1 AND department_matter AND lead_department_code = $2`, [code, MARKET_BUREAU.code]);
    const placement = await place(IN_GUSHAO);
    const plan = await eventually('the planner to see the edit', async () => {
      const p = await planner.plan({ categoryCode: code, size: 'small', placement });
      return p.departmentMatter ? p : undefined;
    });
    expect(plan).toMatchObject({ level: 'district', unit: { code: MARKET_BUREAU.code, name: '区市场监督管理局' } });

    const deactivated = await asAdmin(`/categories/${code}`, 'PATCH', { active: false });
    expect(deactivated.body.active).toBe(false);
    await intakeKnows('the deactivation to reach intake', `SELECT 1 FROM intake.category WHERE code = $1 AND NOT active`, [code]);
  });

  it('replaces the catalogue: versioned, audited, copied by intake and used by the planner', async () => {
    const { code } = await newCategory('C08', 'C');
    const entry: DispatchEntry = { id: `village-${run}`, category: code, area: GUSHAO.code, size: 'medium', start: 'village', handler: 'area', note: 'test' };
    const stored = await replaceCatalogue([entry]);
    expect(stored).toMatchObject({ version: expect.any(Number), createdBy: `dispatch-admin-${run}` });
    expect(stored.entries).toContainEqual(entry);
    expect((await api(url('/dispatch/catalogue'), operatorToken)).body).toEqual(stored);
    const [latest] = (await asAdmin('/audit?subject=dispatch-catalogue')).body.items;
    expect(latest).toMatchObject({ action: 'dispatch.catalogue.replaced', actor: `dispatch-admin-${run}`, details: { version: stored.version, previous: stored.version - 1 } });

    await intakeKnows('the catalogue to reach intake', `SELECT 1 FROM intake.dispatch_catalogue WHERE version = $1`, [stored.version]);
    const placement = await place(IN_GUSHAO);
    const plan = await eventually('the planner to use the new version', async () => {
      const p = await planner.plan({ categoryCode: code, size: 'medium', placement });
      return p.entryId ? p : undefined;
    });
    expect(plan).toMatchObject({ level: 'village', unit: placement.chain.village, entryId: entry.id });
    expect((await planner.catalogue())?.version).toBe(stored.version);
    // Small still follows the 大中小 rule: the entry is for medium matters only.
    expect(await planner.plan({ categoryCode: code, size: 'small', placement })).toMatchObject({ level: 'grid', entryId: null });
  });

  it('refuses bad category edits with stable codes', async () => {
    const post = (body: unknown, token = adminToken) => api(url('/categories'), token, { body });
    const ok = { code: `C02-X${run}`, name: '测试', leadDepartmentCode: HOUSING_BUREAU.code };
    expect((await post(ok, operatorToken)).body.error.code).toBe('ROLE_REQUIRED');
    expect((await post(ok, operatorToken)).status).toBe(403);
    expect((await api(url('/categories'), undefined, { body: ok })).status).toBe(401);

    const malformed = await post({ ...ok, code: 'c2-x', extra: 1 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
    expect(malformed.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['code', '(body)']));
    const refused = async (body: unknown, status: number, code: string) => {
      const res = await post(body);
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
    };
    await refused({ ...ok, code: `C99-${run}` }, 400, 'CATEGORY_PARENT_NOT_FOUND');
    await refused({ ...ok, parentCode: 'C03' }, 400, 'CATEGORY_PARENT_MISMATCH');
    await refused({ ...ok, leadDepartmentCode: DEMO_DISTRICT_CODE }, 400, 'CATEGORY_LEAD_NOT_DEPARTMENT');
    await refused({ ...ok, leadDepartmentCode: 'nobody' }, 400, 'CATEGORY_LEAD_NOT_DEPARTMENT');
    await refused({ ...ok, code: 'C01' }, 409, 'CATEGORY_EXISTS');
    expect((await asAdmin(`/categories/${ok.code}`)).status).toBe(404);

    const patch = (code: string, body: unknown, token = adminToken) => api(url(`/categories/${code}`), token, { method: 'PATCH', body });
    const unknown = await patch('C99-99', { name: 'x' });
    expect({ status: unknown.status, code: unknown.body.error.code }).toEqual({ status: 404, code: 'CATEGORY_NOT_FOUND' });
    expect((await api(url('/categories/C99-99'), operatorToken)).body.error.code).toBe('CATEGORY_NOT_FOUND');
    expect((await patch('C01-01', {})).body.error.code).toBe('VALIDATION_FAILED');
    expect((await patch('C01-01', { code: 'C01-09' })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await patch('C01-01', { departmentMatter: 'yes' })).status).toBe(400);
    expect((await patch('C01-01', { name: 'x' }, operatorToken)).status).toBe(403);
    expect((await patch('C01-01', { leadDepartmentCode: GUSHAO.code })).body.error.code).toBe('CATEGORY_LEAD_NOT_DEPARTMENT');

    // An entry sends this category to the grid, so it cannot become a department matter.
    const { code } = await newCategory('C06', 'G');
    await replaceCatalogue([{ id: `grid-${run}`, category: code, area: '*', size: '*', start: 'grid', handler: 'area' }]);
    const conflicting = await patch(code, { departmentMatter: true });
    expect(conflicting.status).toBe(409);
    expect(conflicting.body.error).toMatchObject({ code: 'CATEGORY_CONFLICTS_WITH_CATALOGUE', details: { problems: [{ code: 'DISPATCH_DEPARTMENT_MATTER_PUSHED_DOWN', entryIds: [`grid-${run}`] }] } });
    expect((await asAdmin(`/categories/${code}`)).body.departmentMatter).toBe(false);
  });

  it('refuses bad catalogues with stable codes, leaving the version in force', async () => {
    const before = (await asAdmin('/dispatch/catalogue')).body;
    const put = (body: unknown, token = adminToken) => api(url('/dispatch/catalogue'), token, { method: 'PUT', body });
    const entry = (over: Partial<DispatchEntry>): DispatchEntry => ({ id: `bad-${run}`, category: '*', area: '*', size: '*', start: 'town', handler: 'area', ...over });
    const refused = async (body: unknown, status: number, code: string) => {
      const res = await put(body);
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
      return res.body.error;
    };

    expect((await put({ entries: [] }, operatorToken)).status).toBe(403);
    await refused({ entries: 'all of them' }, 400, 'VALIDATION_FAILED');
    await refused({ entries: [entry({ start: 'leader' as never })] }, 400, 'VALIDATION_FAILED');
    await refused({ entries: [{ ...entry({}), extra: true }] }, 400, 'VALIDATION_FAILED');
    await refused({ entries: [entry({ category: 'C99-99' })] }, 400, 'DISPATCH_UNKNOWN_CATEGORY');
    await refused({ entries: [entry({ area: DEMO_DISTRICT_CODE })] }, 400, 'DISPATCH_UNKNOWN_AREA');
    await refused({ entries: [entry({ handler: { unitCode: 'nobody' } })] }, 400, 'DISPATCH_UNKNOWN_UNIT');
    await refused({ entries: [entry({ handler: { unitCode: MARKET_BUREAU.code } })] }, 400, 'DISPATCH_HANDLER_LEVEL_MISMATCH');
    await refused({ entries: [entry({}), entry({ id: 'other', start: 'village' })] }, 400, 'DISPATCH_ENTRY_OVERLAP');
    await refused({ entries: [entry({}), entry({ size: 'small' })] }, 400, 'DISPATCH_ENTRY_DUPLICATE_ID');
    const pushed = await refused({ entries: [entry({ category: 'C05-01', start: 'grid' })] }, 400, 'DISPATCH_DEPARTMENT_MATTER_PUSHED_DOWN');
    expect(pushed.message).toContain('C05-01 食品安全');
    await refused({ entries: [entry({ category: 'C04-01', start: 'district' })] }, 400, 'DISPATCH_DEPARTMENT_MATTER_REROUTED');
    await refused({ entries: before.entries, expectedVersion: before.version + 100 }, 409, 'DISPATCH_CATALOGUE_VERSION_CONFLICT');

    expect((await asAdmin('/dispatch/catalogue')).body.version).toBe(before.version);
  });
});
