import { DEMO_DISTRICT_CODE, DEMO_POINTS, demoAddresses, demoDistrict } from '@fq/domain';
import { KafkaProbe, api, eventually, tokenFor } from '@fq/testing';
import { Kafka } from 'kafkajs';
import { System } from '../support/system';
import { caseWatch, closeIntakeDesk, openIntakeDesk } from '../support/intake-desk';
import { eastOf, freshPhone } from '../support/requests';
import { upload } from '../support/uploads';

const near = eastOf;
const phone = () => freshPhone('139');

/** Every channel ends in one intake: each request becomes a case with a running workflow, or is recorded with why it is not. */
describe('intake channels', () => {
  let sys: System;
  let probe: KafkaProbe;
  let operator: string;
  let centre: string;

  beforeAll(async () => ({ sys, probe, operator, centre } = await openIntakeDesk(['fq.intake.external.v1.dlq', 'fq.case.v1'])));
  afterAll(() => closeIntakeDesk({ sys, probe }));
  const { view, assigned, workflowRunning } = caseWatch(() => ({ sys, centre }));

  // Points are chosen away from other suites' open cases of the same sub-item: nearby, a request would rightly join their cluster.
  it('hotline: registers a call into a running workflow at the grid, caller verified, phone masked', async () => {
    const caller = phone();
    const res = await api(`${sys.intake.url}/api/v1/channels/hotline`, operator, {
      body: { caller: { name: '王建国', phone: caller }, text: '我家楼下的路灯坏了三天了，晚上黑漆漆的，老人出门不方便。', location: near(6, -150) },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ disposition: 'dispatched', level: 'grid', triage: { categoryCode: 'C02-01', categorySource: 'classifier', size: 'small' } });
    expect(res.body.queryCode).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    const c = await assigned(res.body.caseNumber);
    expect(c).toMatchObject({ channel: 'hotline', gridCode: DEMO_POINTS[6].gridCode, requester: { name: '王建国', phone: `${caller.slice(0, 3)}****${caller.slice(-4)}`, phoneVerified: true } });
    expect(await workflowRunning(res.body.caseNumber)).toBe('RUNNING');
  });

  it('hotline: a consultation answered on the spot and an emergency handed to 119 are recorded, closed, never dispatched', async () => {
    const answered = await api(`${sys.intake.url}/api/v1/channels/hotline`, operator, {
      body: { caller: { name: '刘芳', phone: phone() }, text: '请问居住证办理需要带什么材料？', outcome: { kind: 'answered', reason: '已告知需带身份证、租房合同和照片，到派出所办理' } },
    });
    expect(outcomeOf(answered)).toEqual([201, 'answered', 'closed']);
    const fire = await api(`${sys.intake.url}/api/v1/channels/hotline`, operator, {
      body: { caller: { name: '陈强', phone: phone() }, text: '小区3号楼有房子着火了，冒出很多黑烟！', location: near(4, 50), outcome: { kind: 'emergency', reason: '已转119并三方通话', handOff: '119' } },
    });
    expect(outcomeOf(fire)).toEqual([201, 'emergency', 'closed']);
    expect(fire.body.triage).toMatchObject({ urgency: 'emergency', handOff: '119' });
    const recorded = await view(fire.body.caseNumber);
    expect(recorded).toMatchObject({ disposition: 'emergency', handOff: '119', dispositionReason: '已转119并三方通话', status: 'closed' });
    await expect(sys.temporal.workflow.getHandle(`case-${fire.body.caseNumber}`).describe()).rejects.toThrow(/not found/i);

    // The same emergency registered without a hand-off goes to its grid, and onto the dispatcher's attention list with the service its text points to.
    const kept = await api(`${sys.intake.url}/api/v1/channels/hotline`, operator, {
      body: { caller: { name: '陈强', phone: phone() }, text: '小区5号楼有房子着火了，冒出很多黑烟！', location: near(4, -50) },
    });
    expect(kept.body).toMatchObject({ disposition: 'dispatched', triage: { urgency: 'emergency', handOff: '119' } });
    const attention = await api(`${sys.intake.url}/api/v1/triage/attention`, centre);
    expect(attention.body.emergencies).toEqual(expect.arrayContaining([expect.objectContaining({ caseNumber: kept.body.caseNumber, suggestedHandOff: '119' })]));
    expect(attention.body.emergencies.map((e: { caseNumber: string }) => e.caseNumber)).not.toContain(fire.body.caseNumber);

    const noService = await api(`${sys.intake.url}/api/v1/channels/hotline`, operator, {
      body: { caller: { name: '陈强', phone: phone() }, text: '着火了', outcome: { kind: 'emergency', reason: '已转' } },
    });
    expect([noService.status, noService.body.error.code, noService.body.error.details.fields[0].field]).toEqual([400, 'VALIDATION_FAILED', 'outcome.handOff']);
    const resident = tokenFor(sys.intake, 'resident', ['resident'], DEMO_DISTRICT_CODE);
    const forbidden = await api(`${sys.intake.url}/api/v1/channels/hotline`, resident, { body: {} });
    expect([forbidden.status, forbidden.body.error.code]).toEqual([403, 'ROLE_REQUIRED']);
  });

  it('web form: no account, a photo, then the resident looks the case up and is refused a wrong code', async () => {
    const photo = await upload(sys.intake.url);
    const res = await api(`${sys.intake.url}/api/v1/channels/web`, undefined, {
      body: { text: '小区门口人行道的地砖翘起来好几块，已经有人绊倒了', location: near(5), contact: { name: '周敏', phone: phone() }, attachments: [photo], qr: 'poster-370404005' },
    });
    expect(res.status).toBe(201);
    const { caseNumber, queryCode } = res.body;
    const staff = await assigned(caseNumber);
    expect(staff).toMatchObject({ channel: 'web', details: { qr: 'poster-370404005' }, requester: { phoneVerified: false } });
    expect(staff.attachments).toEqual([expect.objectContaining({ id: photo, contentType: 'image/png' })]);

    const look = await api(`${sys.intake.url}/api/v1/public/cases/${caseNumber}?code=${queryCode.toLowerCase()}`, undefined);
    expect(look.status).toBe(200);
    expect(look.body).toMatchObject({ caseNumber, status: 'assigned', canRate: false, handledBy: { level: staff.level, unit: staff.unit.name } });
    expect(JSON.stringify(look.body)).not.toMatch(/phone|周敏/);
    const wrong = await api(`${sys.intake.url}/api/v1/public/cases/${caseNumber}?code=${queryCode === 'ABCDEF' ? 'ABCDEG' : 'ABCDEF'}`, undefined);
    expect([wrong.status, wrong.body.error.code]).toEqual([404, 'CASE_NOT_FOUND']);
    const malformed = await api(`${sys.intake.url}/api/v1/public/cases/${caseNumber}?code=1`, undefined);
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const used = await api(`${sys.intake.url}/api/v1/channels/web`, undefined, { body: { text: '同一张照片再报一次事情', contact: { name: '周敏', phone: phone() }, attachments: [photo] } });
    expect([used.status, used.body.error.code]).toEqual([409, 'ATTACHMENT_IN_USE']);
    const bad = await api(`${sys.intake.url}/api/v1/channels/web`, undefined, { body: { text: '短', contact: { name: '', phone: '12' }, extra: 1 } });
    expect(bad.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['(body)', 'contact.name', 'contact.phone', 'text']);
  });

  it('places a request given only in words by the known address it names (标准地址), and one admin adds at once', async () => {
    const d = demoDistrict();
    const compound = demoAddresses(d).find((a) => a.id === 'addr-370404001002001')!; // 承水花园, in 承水社区's first grid
    const call = (address: string) =>
      api(`${sys.intake.url}/api/v1/channels/hotline`, operator, {
        body: { caller: { name: '孟凡', phone: phone() }, text: '楼下饭店的排风机半夜还在响，吵得睡不着', category: 'C03-01', size: 'small', location: { address } },
      });
    const res = await call(`峄城区坛山街道 ${compound.name} 7号楼2单元`);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ disposition: 'dispatched', level: 'grid', unit: { code: '370404001002001' }, located: { by: 'address', matched: compound.name } });
    const c = await assigned(res.body.caseNumber);
    expect(c).toMatchObject({ gridCode: '370404001002001', location: { ...compound.point, address: `峄城区坛山街道 ${compound.name} 7号楼2单元` } });

    // Admin names a new place; intake places requests there as soon as the event arrives.
    const adminToken = tokenFor(sys.admin, 'address-admin', ['admin'], DEMO_DISTRICT_CODE);
    const market = `榴园菜市场${Date.now().toString(36).slice(-4)}`;
    expect((await api(`${sys.admin.url}/api/v1/addresses`, adminToken, { body: { name: market, point: near(5, 100) } })).status).toBe(201);
    const placed = await eventually('the new address placing requests', async () => {
      if (!(await sys.db.query(`SELECT 1 FROM intake.known_addresses WHERE name = $1`, [market])).length) return undefined;
      const r = await call(`${market}东门`); // the copy is in; its cache is dropped a moment after the commit
      return r.body.located?.by === 'address' ? r.body : undefined;
    });
    expect(placed).toMatchObject({ level: 'grid', unit: { code: DEMO_POINTS[5].gridCode }, located: { by: 'address', matched: market } });
  });

  it('petition window: a collective visit goes to the town, with its 信访 record, ID numbers masked, and the case in every petitioner\'s file', async () => {
    const second = { name: '王大勇', idNumber: '370404196203150032', phone: phone(), address: '阴平镇某村三组' };
    const body = {
      form: 'visit',
      petitioners: [{ name: '李秀兰', idNumber: '11010519491231002X', phone: phone(), address: '阴平镇某村' }, second],
      visitorCount: 12,
      title: '村里修路占地补偿款未发放',
      matter: '去年村里修路占了十二户的耕地，说好的补偿款至今没有发放。',
      demands: '尽快足额发放占地补偿款',
      location: near(6),
      raisedBefore: ['阴平镇政府'],
    };
    const res = await api(`${sys.intake.url}/api/v1/channels/petition`, centre, { body });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ disposition: 'dispatched', level: 'town', triage: { size: 'medium' } });
    const c = await assigned(res.body.caseNumber);
    expect(c).toMatchObject({ channel: 'petition', size: 'medium', requester: { idNumber: '110105********002X', phoneVerified: true }, details: { petition: { visitorCount: 12, collective: true, raisedBefore: ['阴平镇政府'] } } });
    expect(c.details.petition.petitioners[1]).toEqual({ name: '王大勇', address: '阴平镇某村三组', phone: `${second.phone.slice(0, 3)}****${second.phone.slice(-4)}`, idNumber: '370404********0032' });
    expect(JSON.stringify(c)).not.toMatch(/19491231|19620315/);
    const file = await api(`${sys.intake.url}/api/v1/residents?phone=${second.phone}`, centre);
    expect(file.body).toMatchObject({ name: '王大勇', idNumber: '370404********0032', cases: [expect.objectContaining({ caseNumber: res.body.caseNumber })] });
    expect(file.body.contacts).toEqual(expect.arrayContaining([expect.objectContaining({ caseNumber: res.body.caseNumber, kind: 'registered', note: '联名' })]));

    const badId = await api(`${sys.intake.url}/api/v1/channels/petition`, centre, { body: { ...body, petitioners: [{ ...body.petitioners[0], idNumber: '110105194912310021' }] } });
    expect([badId.status, badId.body.error.details.fields[0].field]).toEqual([400, 'petitioners.0.idNumber']);
  });

  it('grid patrol: a photo and coordinates become a case for the grid; solved on the spot is recorded only; no photo is refused', async () => {
    const target = DEMO_POINTS[5];
    const worker = tokenFor(sys.intake, `grid-${target.gridCode}`, ['grid_worker'], target.gridCode);
    const photo = await upload(sys.intake.url, undefined, 'patrol.png', worker);
    const res = await api(`${sys.intake.url}/api/v1/channels/patrol`, worker, { body: { text: '巡查发现小区东侧有人私搭乱建彩钢棚', location: near(5, 120), attachments: [photo] } });
    expect(res.status).toBe(201);
    const c = await assigned(res.body.caseNumber);
    expect(c).toMatchObject({ channel: 'grid', gridCode: target.gridCode, requester: null, details: { patrol: { reporter: `grid-${target.gridCode}` } } });

    const solved = await api(`${sys.intake.url}/api/v1/channels/patrol`, worker, { body: { text: '巡查发现楼道堆放杂物', location: near(5, 140), attachments: [await upload(sys.intake.url)], solvedOnSpot: '已督促住户清理完毕' } });
    expect(outcomeOf(solved)).toEqual([201, 'answered', 'closed']);
    const noPhoto = await api(`${sys.intake.url}/api/v1/channels/patrol`, worker, { body: { text: '巡查发现井盖缺失', location: near(5), attachments: [] } });
    expect([noPhoto.status, noPhoto.body.error.details.fields[0].field]).toEqual([400, 'attachments']);
  });

  it('public opinion: a located item with a clear matter is a case; a vague one is an alert, once per link', async () => {
    const item = { source: '微博', link: `https://weibo.com/${Date.now()}`, title: '网友称某小区夜间施工噪声扰民', text: '连续一周深夜还在施工，噪音太大睡不着', location: near(4, 200) };
    const asCase = await api(`${sys.intake.url}/api/v1/channels/opinion`, centre, { body: item });
    expect(asCase.body).toMatchObject({ kind: 'case', disposition: 'dispatched' });
    await assigned(asCase.body.caseNumber);

    const vague = { source: '抖音', link: `https://douyin.com/${Date.now()}`, title: '有人说要组织去市里讨说法', text: '视频里有人号召明天上百人集体去市政府门口讨说法，转发很多', reach: 52000 };
    const alert = await api(`${sys.intake.url}/api/v1/channels/opinion`, centre, { body: vague });
    expect(alert.body).toMatchObject({ kind: 'alert', reportUpward: true });
    const again = await api(`${sys.intake.url}/api/v1/channels/opinion`, centre, { body: vague });
    expect(again.body.alertId).toBe(alert.body.alertId);
    const alerts = await api(`${sys.intake.url}/api/v1/channels/opinion/alerts`, centre);
    expect(alerts.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: alert.body.alertId, reportUpward: true })]));
    const bad = await api(`${sys.intake.url}/api/v1/channels/opinion`, centre, { body: { ...vague, link: 'not a link' } });
    expect([bad.status, bad.body.error.details.fields[0].field]).toEqual([400, 'link']);
  });

  it('other systems: a message on fq.intake.external.v1 becomes one case however often it comes; bad ones go to the DLQ with their error', async () => {
    const kafka = new Kafka({ clientId: 'test-external', brokers: (process.env.KAFKA_BROKERS ?? '').split(',') });
    const producer = kafka.producer();
    await producer.connect();
    const externalId = `SH-${Date.now()}`;
    const message = { source: 'city-water', externalId, title: '水务系统转来：停水', description: '小区自来水停水两天，未见通知', location: near(6, 80), requester: { name: '孙浩', phone: phone() } };
    await producer.send({ topic: 'fq.intake.external.v1', messages: [{ value: JSON.stringify(message) }, { value: JSON.stringify(message) }, { value: '{"source":' }, { value: JSON.stringify({ ...message, externalId: 'x2', title: '' }) }] });
    await producer.disconnect();

    const rows = await eventually('the external request registered', async () => {
      const r = await sys.db.query(`SELECT case_number FROM intake.external_refs WHERE source = 'city-water' AND external_id = $1 AND case_number IS NOT NULL`, [externalId]);
      return r.length ? r : undefined;
    });
    const c = await assigned(rows[0].case_number);
    expect(c).toMatchObject({ channel: 'external', details: { external: { source: 'city-water', externalId } } });
    const dead = await eventually('two bad messages dead-lettered', async () => {
      const d = probe.matching((m) => m.topic === 'fq.intake.external.v1.dlq');
      return d.length >= 2 ? d : undefined;
    });
    expect(dead.map((d) => d.headers['fq-error']).join('\n')).toMatch(/JSON[\s\S]*title|title[\s\S]*JSON/);
    const [{ n }] = await sys.db.query(`SELECT count(*)::int AS n FROM intake.cases WHERE details->'external'->>'externalId' = $1`, [externalId]);
    expect(n).toBe(1);
  });
});

function outcomeOf(r: { status: number; body: { disposition: string; status: string } }) {
  return [r.status, r.body.disposition, r.body.status];
}
