import { DEMO_DISTRICT_CODE, DEMO_POINTS } from '@fq/domain';
import { KafkaProbe, api, eventually, tokenFor } from '@fq/testing';
import { freshPhone, northOf } from '../support/requests';
import { System } from '../support/system';
import { caseWatch, closeIntakeDesk, openIntakeDesk } from '../support/intake-desk';

// South and north of 吴林街道's plain grid centre (point 1), 600-700 m from the one case another suite opens there.
const place = (metres: number) => northOf(1, metres);
const grid = DEMO_POINTS[1].gridCode;
const phone = () => freshPhone('177');
let links = 0;

/** What the centre does after intake: an opinion alert converted into a case or dismissed, a wrongly merged request separated (拆单). */
describe('dispatcher actions', () => {
  let sys: System;
  let probe: KafkaProbe;
  let centre: string;
  let operator: string;

  beforeAll(async () => ({ sys, probe, operator, centre } = await openIntakeDesk(['fq.case.v1', 'fq.notification.v1'])));
  afterAll(() => closeIntakeDesk({ sys, probe }));
  const { view, assigned, workflowRunning } = caseWatch(() => ({ sys, centre }));
  const published = (type: string, key: string) => eventually(`${type} for ${key} on Kafka`, async () => probe.matching((m) => m.key === key && m.json().type === type)[0]?.json());

  const alert = async (title: string, text: string): Promise<string> => {
    const link = `https://weibo.com/dispatcher-actions/${Date.now()}-${links++}`;
    const res = await api(`${sys.intake.url}/api/v1/channels/opinion`, centre, { body: { source: '微博', link, title, text, reach: 3000, as: 'alert' } });
    expect(res.body).toMatchObject({ kind: 'alert' });
    return res.body.alertId;
  };
  const alerts = (query = '') => api(`${sys.intake.url}/api/v1/channels/opinion/alerts${query}`, centre).then((r) => r.body.items as { id: string; state: string }[]);
  const convert = (id: string, body: unknown, token = centre) => api(`${sys.intake.url}/api/v1/channels/opinion/alerts/${id}/case`, token, { body });
  const dismiss = (id: string, body: unknown, token = centre) => api(`${sys.intake.url}/api/v1/channels/opinion/alerts/${id}/dismiss`, token, { body });

  it("converts an opinion alert into a case that its workflow assigns to the grid; the alert is handled once", async () => {
    const text = '网友发帖称吴林社区一处工地连续多晚施工到凌晨，噪音很大，附近居民无法入睡';
    const id = await alert('网友称工地夜间施工扰民', text);
    expect((await alerts()).find((a) => a.id === id)).toMatchObject({ state: 'open', caseNumber: null });

    const res = await convert(id, { category: 'C03-01', location: { ...place(-600), address: '吴林社区东侧工地' }, size: 'small' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ alertId: id, disposition: 'dispatched', level: 'grid', triage: { categoryCode: 'C03-01', categorySource: 'operator' } });
    const { caseNumber } = res.body;
    const c = await assigned(caseNumber);
    expect(c).toMatchObject({ channel: 'opinion', gridCode: grid, description: text, location: { address: '吴林社区东侧工地' }, requester: null, details: { opinion: { source: '微博', alertId: id, reach: 3000 } } });
    expect(c.details.opinion.link).toMatch(/^https:\/\/weibo\.com\/dispatcher-actions\//);
    expect(await workflowRunning(caseNumber)).toBe('RUNNING');

    expect((await alerts()).map((a) => a.id)).not.toContain(id);
    expect((await alerts('?state=converted')).find((a) => a.id === id)).toMatchObject({ state: 'converted', caseNumber, handledBy: 'dispatcher', dismissalReason: null });
    const twice = await convert(id, { category: 'C03-01', location: place(-600) });
    expect([twice.status, twice.body.error.code, twice.body.error.details]).toEqual([409, 'ALERT_ALREADY_HANDLED', { state: 'converted', caseNumber }]);
    expect(twice.body.error.message).toContain(caseNumber);
    const late = await dismiss(id, { reason: '已核实不实' });
    expect([late.status, late.body.error.code]).toEqual([409, 'ALERT_ALREADY_HANDLED']);
    expect(await published('opinion.alert.converted', id)).toMatchObject({ data: { alertId: id, caseNumber, by: 'dispatcher' } });
  });

  it('the same opinion link is one case or one alert, whatever the order it is posted in', async () => {
    const post = (link: string, as: 'case' | 'alert') =>
      api(`${sys.intake.url}/api/v1/channels/opinion`, centre, {
        body: { source: '微博', link, title: '网友称工地夜间施工', text: '网友发帖称吴林社区一处工地夜间施工噪音扰民', as, ...(as === 'case' ? { category: 'C03-01', location: place(-630), size: 'small' } : {}) },
      });
    const first = `https://weibo.com/dispatcher-actions/same-${Date.now()}-a`;
    const asCase = await post(first, 'case');
    expect(asCase.body).toMatchObject({ kind: 'case', caseNumber: expect.any(String) });
    expect((await post(first, 'alert')).body).toMatchObject({ kind: 'case', caseNumber: asCase.body.caseNumber });

    const second = `https://weibo.com/dispatcher-actions/same-${Date.now()}-b`;
    const asAlert = await post(second, 'alert');
    expect(asAlert.body).toMatchObject({ kind: 'alert' });
    expect((await post(second, 'case')).body).toEqual(expect.objectContaining({ kind: 'alert', alertId: asAlert.body.alertId }));
    const converted = await convert(asAlert.body.alertId, { category: 'C03-01', location: place(-640), size: 'small' });
    expect(converted.status).toBe(201);
    expect((await post(second, 'case')).body).toMatchObject({ kind: 'case', caseNumber: converted.body.caseNumber });
    const [{ cases }] = await sys.db.query(`SELECT count(*)::int AS cases FROM intake.cases WHERE details->'opinion'->>'link' = ANY($1)`, [[first, second]]);
    expect(cases).toBe(2);
  });

  it('dismisses an alert with its reason, after which it cannot be converted', async () => {
    const id = await alert('网传某村发生群体冲突', '有网友说某村昨晚有人聚集冲突，经核实为外地旧视频');
    const res = await dismiss(id, { reason: '已核实不实' }, operator);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, state: 'dismissed', dismissalReason: '已核实不实', handledBy: 'operator', caseNumber: null });

    const converted = await convert(id, { category: 'C07-01', location: place(-650) });
    expect([converted.status, converted.body.error.code, converted.body.error.details.state]).toEqual([409, 'ALERT_ALREADY_HANDLED', 'dismissed']);
    expect(converted.body.error.message).toContain('已核实不实');
    const again = await dismiss(id, { reason: '与本辖区无关' });
    expect([again.status, again.body.error.code]).toEqual([409, 'ALERT_ALREADY_HANDLED']);
    expect((await alerts('?state=dismissed')).find((a) => a.id === id)).toMatchObject({ state: 'dismissed', dismissalReason: '已核实不实' });
    expect((await alerts('?state=all')).map((a) => a.id)).toContain(id);
    const page = await api(`${sys.intake.url}/api/v1/channels/opinion/alerts?state=all&limit=1&offset=1`, centre);
    expect(page.body).toMatchObject({ limit: 1, offset: 1, total: expect.any(Number) });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(2);
    const badPage = await api(`${sys.intake.url}/api/v1/channels/opinion/alerts?limit=0`, centre);
    expect([badPage.status, badPage.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await alerts()).map((a) => a.id)).not.toContain(id);
    expect(await published('opinion.alert.dismissed', id)).toMatchObject({ data: { alertId: id, reason: '已核实不实', by: 'operator' } });
  });

  it('refuses bad input, unknown alerts and residents with stable codes, leaving the alert open', async () => {
    const id = await alert('网友反映小区噪声', '有网友发帖说小区里广场舞音响声音太大');
    const fields = async (body: unknown) => {
      const r = await convert(id, body);
      return [r.status, r.body.error.code, ...r.body.error.details.fields.map((f: { field: string }) => f.field)];
    };
    expect(await fields({ location: place(-650) })).toEqual([400, 'VALIDATION_FAILED', 'category']);
    expect(await fields({ category: 'C03-01', location: { lat: place(-650).lat } })).toEqual([400, 'VALIDATION_FAILED', 'location.lng']);
    expect(await fields({ category: 'C03-01', location: {} })).toEqual([400, 'VALIDATION_FAILED', 'location']);
    const unknownCategory = await convert(id, { category: 'C99-99', location: place(-650) });
    expect([unknownCategory.status, unknownCategory.body.error.code]).toEqual([400, 'UNKNOWN_CATEGORY']);
    const noReason = await dismiss(id, { reason: ' ' });
    expect([noReason.status, noReason.body.error.details.fields[0].field]).toEqual([400, 'reason']);
    const badState = await api(`${sys.intake.url}/api/v1/channels/opinion/alerts?state=closed`, centre);
    expect([badState.status, badState.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);

    const unknown = await convert('6f1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', { category: 'C03-01', location: place(-650) });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'ALERT_NOT_FOUND']);
    const malformed = await dismiss('nope', { reason: '已核实不实' });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'INVALID_ALERT_ID']);
    const resident = tokenFor(sys.intake, 'resident', ['resident'], DEMO_DISTRICT_CODE);
    const forbidden = await dismiss(id, { reason: '已核实不实' }, resident);
    expect([forbidden.status, forbidden.body.error.code]).toEqual([403, 'ROLE_REQUIRED']);
    expect((await alerts()).find((a) => a.id === id)).toMatchObject({ state: 'open' });

    // Only an address known: the case is kept with it and goes to the district, where no grid is found.
    const byAddress = await convert(id, { category: 'C03-01', location: { address: '吴林街道某小区广场' }, size: 'small' });
    expect(byAddress.body).toMatchObject({ disposition: 'dispatched', level: 'district', unit: { code: DEMO_DISTRICT_CODE } });
    expect((await assigned(byAddress.body.caseNumber)).location).toEqual({ lat: null, lng: null, address: '吴林街道某小区广场' });
  });

  it('separates a wrongly merged request (拆单): it gets its own plan, workflow and work order; the lead carries on alone', async () => {
    const at = place(700);
    const call = (name: string, callerPhone: string, text: string, separate?: boolean) =>
      api(`${sys.intake.url}/api/v1/channels/hotline`, operator, { body: { caller: { name, phone: callerPhone }, text, location: at, category: 'C02-01', size: 'small', ...(separate ? { separate } : {}) } });
    // The lead stays out of any older cluster, so the member joins this one.
    const lead = await call('冯涛', phone(), '小区北门那盏路灯晚上不亮，已经好几天了', true);
    expect(lead.body).toMatchObject({ disposition: 'dispatched', level: 'grid' });
    const leadBefore = await assigned(lead.body.caseNumber);
    const memberPhone = phone();
    const member = await call('韩梅', memberPhone, '北门路灯的电线被挖断了，裸露在外面', false);
    expect(member.body).toMatchObject({ disposition: 'merged', mergedInto: lead.body.caseNumber, clusterId: expect.any(String) });
    const { caseNumber, clusterId } = member.body;

    const separate = (n: string, body: unknown, token = centre) => api(`${sys.intake.url}/api/v1/cases/${n}/separate`, token, { body });
    const fromLead = await separate(lead.body.caseNumber, { reason: '不是同一件事' });
    expect([fromLead.status, fromLead.body.error.code]).toEqual([409, 'CASE_IS_CLUSTER_LEAD']);
    const noReason = await separate(caseNumber, {});
    expect([noReason.status, noReason.body.error.details.fields[0].field]).toEqual([400, 'reason']);
    const byOperator = await separate(caseNumber, { reason: '不是同一件事' }, operator);
    expect([byOperator.status, byOperator.body.error.code]).toEqual([403, 'ROLE_REQUIRED']);
    const unknown = await separate('20990101999999', { reason: '不是同一件事' });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'CASE_NOT_FOUND']);
    const malformed = await separate('abc', { reason: '不是同一件事' });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'INVALID_CASE_NUMBER']);

    const reason = '不是路灯不亮，而是电线被挖断裸露，属另一件事';
    const unknownCategory = await separate(caseNumber, { reason, category: 'C99-99' });
    expect([unknownCategory.status, unknownCategory.body.error.code]).toEqual([400, 'UNKNOWN_CATEGORY']);
    expect(await view(caseNumber)).toMatchObject({ disposition: 'merged', categoryCode: 'C02-01' });
    // The dispatcher also says what it really is: an exposed wire is a safety hazard (治安隐患), not street lighting.
    const res = await separate(caseNumber, { reason, category: 'C07-01' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      caseNumber, disposition: 'dispatched', mergedInto: null, clusterId: null, cluster: null, level: 'grid', categoryCode: 'C07-01',
      separation: { leadCaseNumber: lead.body.caseNumber, clusterId, reason, by: 'dispatcher', category: { from: 'C02-01', to: 'C07-01' } },
    });
    const own = await assigned(caseNumber);
    expect(own.workOrderId).toEqual(expect.any(String));
    expect(own.workOrderId).not.toBe(leadBefore.workOrderId);
    expect(await workflowRunning(caseNumber)).toBe('RUNNING');
    const twice = await separate(caseNumber, { reason });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'CASE_NOT_MERGED']);

    // The lead is unchanged, and what happens to it no longer reaches the separated request.
    expect(await view(lead.body.caseNumber)).toMatchObject({ status: 'assigned', clusterId, workOrderId: leadBefore.workOrderId, cluster: { members: [lead.body.caseNumber] } });
    const worker = tokenFor(sys.departments, `grid-${grid}`, ['grid_worker'], grid);
    expect((await api(`${sys.departments.url}/api/v1/cases/${lead.body.caseNumber}/sign`, worker, { body: {} })).body.status).toBe('signed');
    await eventually('the lead signed in intake', async () => ((await view(lead.body.caseNumber)).status === 'signed' ? true : undefined));
    expect((await view(caseNumber)).status).toBe('assigned');

    const file = await api(`${sys.intake.url}/api/v1/residents?phone=${memberPhone}`, centre);
    expect(file.body.contacts).toEqual(expect.arrayContaining([expect.objectContaining({ caseNumber, kind: 'separated', note: reason })]));
    expect(await published('case.separated', caseNumber)).toMatchObject({ data: { caseNumber, leadCaseNumber: lead.body.caseNumber, clusterId, reason, by: 'dispatcher', level: 'grid', unitCode: grid } });
    const mine = probe.matching((m) => m.key === caseNumber && m.json().producer === 'intake').map((m) => m.json().type);
    expect(mine.slice(0, 2)).toEqual(['case.registered', 'case.separated']);
  });

  it('flags a cluster of ten requests about one place as a group matter to report upward (群体性诉求苗头)', async () => {
    const at = place(-1100);
    const call = (n: number, separate = false) =>
      api(`${sys.intake.url}/api/v1/channels/hotline`, operator, {
        body: { caller: { name: `居民${n}`, phone: phone() }, text: '广场上的音响每天晚上放到十二点，吵得孩子没法睡觉', location: at, category: 'C03-01', size: 'small', ...(separate ? { separate } : {}) },
      });
    const lead = await call(0, true);
    expect(lead.body).toMatchObject({ disposition: 'dispatched', triage: { reportUpward: false } });
    for (let n = 1; n < 9; n++) expect((await call(n)).body).toMatchObject({ disposition: 'merged', mergedInto: lead.body.caseNumber });
    expect((await view(lead.body.caseNumber)).reportUpward).toBe(false);
    await call(9); // the tenth request
    expect(await view(lead.body.caseNumber)).toMatchObject({ reportUpward: true, triage: { reasons: expect.arrayContaining(['并单10件，疑似群体性诉求']) } });
    const attention = await api(`${sys.intake.url}/api/v1/triage/attention`, centre);
    expect(attention.body.reportUpward).toEqual(expect.arrayContaining([expect.objectContaining({ caseNumber: lead.body.caseNumber })]));
  });

  it("exports where people corrected triage, labelled for training (phones masked), and nothing where they agreed", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const call = (text: string, over: Record<string, unknown>) =>
      api(`${sys.intake.url}/api/v1/channels/hotline`, operator, { body: { caller: { name: '吕静', phone: phone() }, text, location: place(-1600), ...over } });
    // Triage reads this as normal; the operator knows a stranger has been trying doors there all week.
    const corrected = await call('单元门的门禁坏了，外人随便进出，联系电话13812345678', { urgency: 'urgent', category: 'C07-01' });
    expect(corrected.body.triage).toMatchObject({ urgency: 'urgent', detected: { urgency: 'normal' }, operator: { urgency: 'urgent', category: 'C07-01' } });
    const agreed = await call('小区门口的垃圾桶满了好几天没人清', {});

    const res = await api(`${sys.intake.url}/api/v1/triage/corrections?since=${encodeURIComponent(since)}`, centre);
    expect(res.status).toBe(200);
    const mine = res.body.items.find((c: { caseNumber: string }) => c.caseNumber === corrected.body.caseNumber);
    expect(mine).toMatchObject({ urgency: 'urgent', category: 'C07-01', corrected: expect.arrayContaining(['urgency']), text: expect.stringContaining('138****5678') });
    expect(res.body.items.map((c: { caseNumber: string }) => c.caseNumber)).not.toContain(agreed.body.caseNumber);
    const bad = await api(`${sys.intake.url}/api/v1/triage/corrections?since=yesterday`, centre);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await api(`${sys.intake.url}/api/v1/triage/corrections?since=${encodeURIComponent(since)}`, operator)).status).toBe(403);
  });
});
