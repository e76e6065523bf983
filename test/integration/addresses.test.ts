import { DEMO_DISTRICT_CODE, DEMO_OUTSIDE, DEMO_POINTS, KnownAddress, demoAddresses, demoDistrict } from '@fq/domain';
import { KafkaProbe, RunningApp, api, eventually, startApp, tokenFor } from '@fq/testing';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { AdminModule } from '../../apps/admin/src/admin.module';
import { prepareDatabase } from '../support/system';

const d = demoDistrict();
const gridView = (code: string) => {
  const g = d.grids.find((x) => x.code === code)!;
  return { code: g.code, name: g.name, kind: g.kind };
};
const [HERE, THERE] = DEMO_POINTS.filter((p) => p.gridCode !== DEMO_POINTS[0].gridCode).slice(0, 2);

// The database is shared: every entry here has a fresh id and a name holding this run's tag.
describe('the address book (标准地址库)', () => {
  let admin: RunningApp;
  let probe: KafkaProbe;
  let adminToken: string;
  let operatorToken: string;
  let residentToken: string;
  const run = randomUUID().slice(0, 6).toUpperCase();
  const url = (path: string) => `${admin.url}/api/v1/addresses${path}`;
  const asAdmin = (path: string, method = 'GET', body?: unknown) => api(url(path), adminToken, { method, body });
  const create = async (over: Record<string, unknown> = {}) => {
    const res = await asAdmin('', 'POST', { name: `测试${run}花园`, point: HERE.point, ...over });
    expect(res.status).toBe(201);
    return res.body as KnownAddress & { grid: { code: string } };
  };
  /** The `address.defined` on fq.org.v1 keyed by this id whose payload is exactly `expected`. */
  const announced = (id: string, expected: KnownAddress) =>
    eventually(`address.defined for ${id}`, async () => {
      const [m] = probe.matching((x) => x.key === id && x.json().type === 'address.defined' && isDeepStrictEqual(x.json().data, expected));
      return m?.json();
    });
  const entryOf = (a: KnownAddress): KnownAddress => ({ id: a.id, name: a.name, aliases: a.aliases, point: a.point, active: a.active });

  beforeAll(async () => {
    await prepareDatabase();
    [admin, probe] = await Promise.all([startApp(AdminModule), new KafkaProbe(['fq.org.v1']).start()]);
    adminToken = tokenFor(admin, `addresses-admin-${run}`, ['admin'], DEMO_DISTRICT_CODE);
    operatorToken = tokenFor(admin, `addresses-operator-${run}`, ['operator'], DEMO_DISTRICT_CODE);
    residentToken = tokenFor(admin, `addresses-resident-${run}`, ['resident'], DEMO_DISTRICT_CODE);
  });

  afterAll(async () => {
    await probe?.stop();
    await admin?.close();
  });

  it('lists the seeded demo entries, each with the grid it lies in, and announced them', async () => {
    const seeded = demoAddresses(d);
    const committee = seeded.find((a) => a.name === '承水社区居委会')!;
    const found = await api(url(`?q=${encodeURIComponent('承水社区 居委会')}`), operatorToken);
    expect(found.status).toBe(200);
    expect(found.body.items).toContainEqual({ ...committee, grid: expect.objectContaining({ kind: 'base' }), updatedAt: expect.any(String) });

    const hospital = seeded.find((a) => a.name === '峄城区人民医院')!;
    const one = await api(url(`/${hospital.id}`), operatorToken);
    expect(one.body).toMatchObject({ ...hospital, grid: gridView(hospital.id.slice('addr-'.length)) });
    expect(one.body.grid.kind).toBe('special');

    const all = await asAdmin('?limit=500');
    expect(all.body.total).toBeGreaterThanOrEqual(seeded.length);
    const ids = new Set((all.body.items as KnownAddress[]).map((a) => a.id));
    expect(seeded.filter((a) => !ids.has(a.id))).toEqual([]);
    expect(await announced(committee.id, committee)).toMatchObject({ producer: 'admin', data: committee });
  });

  it('adds an entry: the grid it sends requests to in the answer, audited, announced with the whole entry', async () => {
    const id = `addr-test-${run}`;
    const created = await create({ id, aliases: [`测试${run}花园`, ` 测试${run}小区 `, `测试${run} 小区`] });
    expect(created).toEqual({ id, name: `测试${run}花园`, aliases: [`测试${run}小区`], point: HERE.point, active: true, grid: gridView(HERE.gridCode), updatedAt: expect.any(String) });
    expect((await api(url(`/${id}`), operatorToken)).body).toEqual(created);

    const [entry] = (await api(`${admin.url}/api/v1/audit?subject=${id}`, adminToken)).body.items;
    expect(entry).toMatchObject({ action: 'address.created', actor: `addresses-admin-${run}`, details: entryOf(created) });
    const event = await announced(id, entryOf(created));
    expect(event).toMatchObject({ type: 'address.defined', version: 1, producer: 'admin', data: entryOf(created) });

    const generated = await create({ name: `测试${run}新村` });
    expect(generated.id).toMatch(/^addr-[0-9a-f-]{36}$/);
    await announced(generated.id, entryOf(generated));
  });

  it('searches names and aliases by any part, spaces, punctuation and width aside, ordered by name and paged', async () => {
    const names = ['甲', '乙', '丙'].map((s) => `测试${run}${s}院`);
    const made = [];
    for (const name of names) made.push(await create({ name, aliases: [`${name}别名`] }));
    const byName = [...made].sort((a, b) => (a.name < b.name ? -1 : 1)).map((a) => a.id);
    const search = async (q: string, extra = '') => (await api(url(`?q=${encodeURIComponent(q)}${extra}`), operatorToken)).body;

    expect((await search(`测试${run.toLowerCase()}`)).items.map((a: KnownAddress) => a.id)).toEqual(expect.arrayContaining(byName));
    const page = await search(`测试 ${run}`, '&limit=2&offset=1');
    expect(page.items.length).toBe(2);
    expect(page).toMatchObject({ limit: 2, offset: 1 });
    const everything = (await search(`测试${run}`)).items.map((a: KnownAddress) => a.name);
    expect(everything).toEqual([...everything].sort());
    expect(page.items.map((a: KnownAddress) => a.name)).toEqual(everything.slice(1, 3));

    const alias = await search(`${run}乙院别名`);
    expect(alias.items.map((a: KnownAddress) => a.id)).toEqual([made[1].id]);
    expect(alias.total).toBe(1);
    const fullWidth = await search(`测试${run}乙院（别名）`.replace(/[A-Z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
    expect(fullWidth.items.map((a: KnownAddress) => a.id)).toEqual([made[1].id]);
    expect((await search(`${run}丁`)).items).toEqual([]);
  });

  it('changes, moves and retires an entry, each change audited and announced', async () => {
    const { id } = await create();
    const renamed = await asAdmin(`/${id}`, 'PATCH', { name: `测试${run}家园`, aliases: [`测试${run}家园东区`], point: THERE.point });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id, name: `测试${run}家园`, aliases: [`测试${run}家园东区`], point: THERE.point, active: true, grid: gridView(THERE.gridCode) });
    await announced(id, entryOf(renamed.body));

    const retired = await asAdmin(`/${id}`, 'PATCH', { active: false });
    expect(retired.body).toMatchObject({ id, active: false, name: `测试${run}家园` });
    const event = await announced(id, { ...entryOf(renamed.body), active: false });
    expect(event.data).toEqual({ id, name: `测试${run}家园`, aliases: [`测试${run}家园东区`], point: THERE.point, active: false });

    const q = `?q=${encodeURIComponent(`测试${run}家园`)}`;
    expect((await asAdmin(`${q}&active=true`)).body.items).toEqual([]);
    expect((await asAdmin(`${q}&active=false`)).body.items.map((a: KnownAddress) => a.id)).toEqual([id]);

    const unchanged = await asAdmin(`/${id}`, 'PATCH', { active: false });
    expect(unchanged.body).toEqual(retired.body);
    const audit = (await api(`${admin.url}/api/v1/audit?subject=${id}`, adminToken)).body.items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['address.updated', 'address.updated', 'address.created']);
    expect(audit[0].details.changes).toEqual({ active: { from: true, to: false } });
    expect(Object.keys(audit[1].details.changes).sort()).toEqual(['aliases', 'name', 'point']);
  });

  it('names the entries elsewhere that share one of its names, which the words alone cannot tell apart', async () => {
    const first = await create({ name: `同名${run}花园` });
    expect(first).not.toHaveProperty('sharesNameWith');
    const second = await asAdmin('', 'POST', { name: `同名${run}小区`, aliases: [`同名${run}花园`], point: THERE.point });
    expect(second.body.sharesNameWith).toEqual([first.id]);
    const retired = await asAdmin(`/${second.body.id}`, 'PATCH', { active: false });
    expect(retired.body).not.toHaveProperty('sharesNameWith');
    expect((await asAdmin(`/${first.id}`, 'PATCH', { aliases: [`同名${run}东区`] })).body).not.toHaveProperty('sharesNameWith');
  });

  it('refuses bad input with stable codes, leaving the entry as it was', async () => {
    const refused = async (res: { status: number; body: { error?: { code: string; message: string; details?: { fields?: { field: string }[] } } } }, status: number, code: string) => {
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
      return res.body.error!;
    };
    const post = (body: unknown) => asAdmin('', 'POST', body);
    const ok = { name: `测试${run}学校`, point: HERE.point };

    const malformed = await refused(await post({ ...ok, name: ' 园 ', aliases: Array.from({ length: 21 }, (_, i) => `别名${i}`), point: { lat: 91, lng: 117.5 }, grid: 'x' }), 400, 'VALIDATION_FAILED');
    expect(malformed.details!.fields!.map((f) => f.field)).toEqual(expect.arrayContaining(['name', 'aliases', 'point.lat', '(body)']));
    await refused(await post({ ...ok, id: 'a b' }), 400, 'VALIDATION_FAILED');
    await refused(await asAdmin('?limit=0'), 400, 'VALIDATION_FAILED');

    const outside = await refused(await post({ ...ok, point: DEMO_OUTSIDE }), 400, 'ADDRESS_OUTSIDE_GRIDS');
    expect(outside.message).toContain(`${DEMO_OUTSIDE.lat}, ${DEMO_OUTSIDE.lng} lies in none of the district's`);
    const swapped = await refused(await post({ ...ok, point: { lat: HERE.point.lng, lng: HERE.point.lat } }), 400, 'VALIDATION_FAILED');
    expect(swapped.message).toContain('point.lat: at most 90');
    expect(swapped.message).toContain('are lat and lng swapped?');

    const seededId = demoAddresses(d)[0].id;
    const exists = await refused(await post({ ...ok, id: seededId }), 409, 'ADDRESS_EXISTS');
    expect(exists.message).toContain(`PATCH /api/v1/addresses/${seededId}`);

    await refused(await asAdmin(`/nothing-${run}`), 404, 'ADDRESS_NOT_FOUND');
    await refused(await asAdmin(`/nothing-${run}`, 'PATCH', { active: false }), 404, 'ADDRESS_NOT_FOUND');

    const { id } = await create();
    await refused(await asAdmin(`/${id}`, 'PATCH', {}), 400, 'VALIDATION_FAILED');
    await refused(await asAdmin(`/${id}`, 'PATCH', { id: 'other' }), 400, 'VALIDATION_FAILED');
    await refused(await asAdmin(`/${id}`, 'PATCH', { point: DEMO_OUTSIDE, name: `测试${run}别处` }), 400, 'ADDRESS_OUTSIDE_GRIDS');
    expect((await asAdmin(`/${id}`)).body).toMatchObject({ name: `测试${run}花园`, point: HERE.point });
    const audit = (await api(`${admin.url}/api/v1/audit?subject=${id}`, adminToken)).body.items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['address.created']);
  });

  it('lets the dispatching desks read and only administrators write', async () => {
    const { id } = await create();
    expect((await api(url(''), operatorToken)).status).toBe(200);
    const denied = await api(url(''), operatorToken, { body: { name: `测试${run}市场`, point: HERE.point } });
    expect({ status: denied.status, code: denied.body.error.code }).toEqual({ status: 403, code: 'ROLE_REQUIRED' });
    expect((await api(url(`/${id}`), operatorToken, { method: 'PATCH', body: { active: false } })).status).toBe(403);
    expect((await api(url(''), residentToken)).status).toBe(403);
    expect((await api(url(`/${id}`), residentToken)).status).toBe(403);
    expect((await api(url(''), undefined)).status).toBe(401);
    expect((await asAdmin(`/${id}`)).body.active).toBe(true);
  });
});
