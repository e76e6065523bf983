import { DEMO_DISTRICT_CODE, DEMO_POINTS, demoDistrict } from '@fq/domain';
import { api, eventually, tokenFor } from '@fq/testing';
import { System, startSystem } from '../support/system';

/** A third-party client written against GeoReport v2 (wiki.open311.org/GeoReport_v2), driving intake. */
describe('Open311 GeoReport v2 on intake', () => {
  let sys: System;
  let base: string;
  const target = DEMO_POINTS[4];
  const gridName = demoDistrict().grids.find((g) => g.code === target.gridCode)?.name;

  beforeAll(async () => {
    sys = await startSystem();
    base = `${sys.intake.url}/open311/v2`;
  });

  afterAll(async () => {
    await sys?.stop();
  });

  const get = async (path: string) => {
    const res = await fetch(`${base}/${path}`);
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  };
  const getJson = async (path: string) => {
    const r = await get(path);
    return { ...r, body: JSON.parse(r.text) };
  };
  const postForm = async (path: string, fields: Record<string, string>) => {
    const res = await fetch(`${base}/${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  };
  const tag = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);
  const report = {
    api_key: 'fengqiao-demo-open311',
    service_code: 'C02-01',
    lat: String(target.point.lat),
    long: String(target.point.lng),
    address_string: '坛山路 & 青檀路口',
    description: '路口的路灯坏了好几天，夜里出行不便',
    first_name: '丽',
    last_name: '孙',
    phone: '13600004444',
    media_url: 'https://example.org/pothole.jpg',
  };

  it('lists the services in JSON and XML, and defines one', async () => {
    const json = await getJson('services.json');
    expect(json.type).toMatch(/^application\/json/);
    expect(json.body).toEqual(expect.arrayContaining([{ service_code: 'C02-03', service_name: '道路破损', description: '市政设施：道路破损', metadata: false, type: 'realtime', keywords: '市政设施,道路破损', group: '市政设施' }]));
    const xml = await get('services.xml');
    expect(xml.type).toMatch(/^text\/xml/);
    expect(xml.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<services><service>/);
    expect(tag(xml.text, 'service_code')).toEqual(json.body.map((s: { service_code: string }) => s.service_code));
    expect((await getJson('services/C02-03.json')).body).toEqual({ service_code: 'C02-03', attributes: [] });
    const missing = await getJson('services/C99-99.json');
    expect([missing.status, missing.body[0].code]).toEqual([404, 404]);
  });

  it('lists a category as soon as admin adds it, and takes requests for it', async () => {
    const adminToken = tokenFor(sys.admin, 'open311-admin', ['admin'], DEMO_DISTRICT_CODE);
    const code = `C02-O${Date.now().toString(36).slice(-5).toUpperCase()}`;
    const lead = demoDistrict().categories.find((c) => c.code === 'C02-03')?.leadDepartmentCode;
    const made = await api(`${sys.admin.url}/api/v1/categories`, adminToken, { body: { code, name: '共享单车乱停', leadDepartmentCode: lead } });
    expect(made.status).toBe(201);
    const listed = await eventually('the new service listed', async () => {
      const services = (await getJson('services.json')).body as { service_code: string; group: string }[];
      return services.find((s) => s.service_code === code);
    });
    expect(listed).toMatchObject({ service_name: '共享单车乱停', group: '市政设施' });
    expect((await getJson(`services/${code}.json`)).body).toEqual({ service_code: code, attributes: [] });
  });

  it('takes a form-urlencoded request and shows its progress, deadline and unit', async () => {
    const posted = await postForm('requests.json', report);
    expect(posted.status).toBe(201);
    const [created] = JSON.parse(posted.text);
    expect(created).toMatchObject({ service_request_id: expect.stringMatching(/^\d{14,}$/), account_id: null });
    expect(created.service_notice).toContain(created.service_request_id);
    const id: string = created.service_request_id;

    const assigned = await eventually('assignment', async () => {
      const [r] = (await getJson(`requests/${id}.json`)).body;
      return r.status_notes.endsWith('(assigned)') ? r : undefined;
    });
    expect(assigned).toMatchObject({ service_request_id: id, status: 'open', service_code: 'C02-01', service_name: '道路照明', agency_responsible: gridName, address: report.address_string, lat: target.point.lat, long: target.point.lng, media_url: null });
    // The deadline reaches intake with the workflow's first progress step: the grid worker signs.
    const worker = tokenFor(sys.departments, `grid-${target.gridCode}`, ['grid_worker'], target.gridCode);
    expect((await api(`${sys.departments.url}/api/v1/cases/${id}/sign`, worker, { body: {} })).body.status).toBe('signed');
    const shown = await eventually('the workflow to report the deadline', async () => {
      const [r] = (await getJson(`requests/${id}.json`)).body;
      return r.expected_datetime ? r : undefined;
    });
    expect(shown).toMatchObject({ status: 'open', status_notes: '已签收，网格员办理中 (signed)', agency_responsible: gridName });
    expect(Date.parse(shown.expected_datetime)).toBeGreaterThan(Date.parse(shown.requested_datetime));
    expect(JSON.stringify(shown)).not.toMatch(/13600004444|孙丽/);

    const xml = await get(`requests/${id}.xml`);
    expect([xml.status, xml.type]).toEqual([200, 'text/xml; charset=utf-8']);
    expect(xml.text).toMatch(/<service_requests><request>/);
    expect(tag(xml.text, 'service_request_id')).toEqual([id]);
    expect(tag(xml.text, 'status')).toEqual(['open']);
    expect(tag(xml.text, 'address')).toEqual(['坛山路 &amp; 青檀路口']);

    const listed = await getJson('requests.json?service_code=C02-01&status=open');
    expect(listed.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
    const closedOnly = await getJson('requests.json?service_code=C02-01&status=closed');
    expect(closedOnly.body.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(id);
    expect((await getJson(`requests.json?service_request_id=${id}`)).body).toHaveLength(1);
    expect((await getJson(`tokens/${id}.json`)).body).toEqual([{ service_request_id: id, token: id }]);
  });

  it('answers an XML post and takes a JSON body with only an address', async () => {
    const posted = await postForm('requests.xml', report);
    expect([posted.status, posted.type]).toEqual([201, 'text/xml; charset=utf-8']);
    expect(tag(posted.text, 'service_request_id')[0]).toMatch(/^\d{14,}$/);
    const res = await fetch(`${base}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: report.api_key, service_code: 'C03-01', address_string: '峄城区某小区', description: '夜间施工噪声', phone: '13600005555' }),
    });
    const [created] = (await res.json()) as { service_request_id: string; service_notice: string }[];
    expect(res.status).toBe(201);
    const [shown] = (await getJson(`requests/${created.service_request_id}.json`)).body;
    expect(shown).toMatchObject({ lat: null, long: null, status: 'open', agency_responsible: demoDistrict().district.name });
    expect(created.service_notice).toContain('未能定位到网格');

    // An address_string naming a known address (标准地址) is placed there.
    const known = await postForm('requests.json', { api_key: report.api_key, service_code: 'C03-01', address_string: '峄城区坛山街道承水家园5号楼', description: '夜间施工噪声', phone: '13600005556' });
    const [placed] = JSON.parse(known.text) as { service_request_id: string; service_notice: string }[];
    expect(placed.service_notice).toContain('按地址“承水家园”定位');
    const [placedShown] = (await getJson(`requests/${placed.service_request_id}.json`)).body;
    expect(placedShown).toMatchObject({ address: '峄城区坛山街道承水家园5号楼', lat: expect.any(Number), long: expect.any(Number), agency_responsible: expect.stringContaining('承水社区') });
  });

  it('accepts a point outside every grid at the district, saying it could not be placed', async () => {
    const res = await postForm('requests.json', { ...report, lat: '39.9', long: '116.4', address_string: '', phone: '13600005555' });
    expect(res.status).toBe(201);
    const [made] = JSON.parse(res.text) as { service_request_id: string; service_notice: string }[];
    expect(made.service_notice).toContain('坐标不在本区任何网格内，未能定位到网格，由区级受理分派');
    const [shown] = (await getJson(`requests/${made.service_request_id}.json`)).body;
    expect(shown).toMatchObject({ lat: 39.9, long: 116.4 });
  });

  it('answers errors in the Open311 form', async () => {
    const noKey = await postForm('requests.json', { ...report, api_key: '' });
    expect([noKey.status, JSON.parse(noKey.text)[0].code]).toEqual([403, 403]);
    const noKeyXml = await postForm('requests.xml', { ...report, api_key: 'wrong' });
    expect(noKeyXml.status).toBe(403);
    expect(noKeyXml.text).toMatch(/<errors><error><code>403<\/code><description>[^<]+<\/description><\/error><\/errors>/);
    const unknown = await postForm('requests.json', { ...report, service_code: 'C99-99' });
    expect([unknown.status, JSON.parse(unknown.text)[0].description]).toEqual([400, expect.stringContaining('C99-99')]);
    const noPhone = await postForm('requests.json', { ...report, phone: '' });
    expect([noPhone.status, JSON.parse(noPhone.text)[0].description]).toEqual([400, expect.stringContaining('phone is required')]);
    const nowhere = await postForm('requests.json', { ...report, lat: '', long: '', address_string: '' });
    expect(nowhere.status).toBe(400);
    const missing = await getJson('requests/20000101999999.json');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([{ code: 404, description: expect.stringContaining('20000101999999') }]);
    expect((await get('requests/20000101999999.xml')).text).toMatch(/<code>404<\/code>/);
    expect((await get('services.csv')).status).toBe(400);
  });
});
