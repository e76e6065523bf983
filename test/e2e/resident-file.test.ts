import { DEMO_DISTRICT_CODE } from '@fq/domain';
import { KafkaProbe, api, eventually, tokenFor } from '@fq/testing';
import { freshPhone, northOf } from '../support/requests';
import { System, startSystem } from '../support/system';

const near = northOf;
const phone = () => freshPhone('158');

/** Duplicates are linked, clusters (并单) handled once and answered to each, every resident has one file. */
describe('duplicates, clusters and the resident file', () => {
  let sys: System;
  let probe: KafkaProbe;
  let operator: string;
  let centre: string;

  beforeAll(async () => {
    sys = await startSystem();
    probe = await new KafkaProbe(['fq.case.v1']).start();
    operator = tokenFor(sys.intake, 'operator', ['operator'], DEMO_DISTRICT_CODE);
    centre = tokenFor(sys.intake, 'dispatcher', ['district_centre'], DEMO_DISTRICT_CODE);
  });

  afterAll(async () => {
    await probe?.stop();
    await sys?.stop();
  });

  const call = (callerPhone: string, text: string, location = near(2, -400), name = '赵丽', category?: string) =>
    api(`${sys.intake.url}/api/v1/channels/hotline`, operator, { body: { caller: { name, phone: callerPhone }, text, location, ...(category ? { category } : {}) } });
  const view = (n: string) => api(`${sys.intake.url}/api/v1/cases/${n}`, centre).then((r) => r.body);

  it('links the same requester raising the same open matter again (信访工作条例 Art. 19), and flags a repeat requester', async () => {
    const caller = phone();
    const first = await call(caller, '楼上邻居家空调外机每天半夜噪音很大，影响休息');
    expect(first.status).toBe(201);
    const again = await call(caller, '还是楼上空调外机半夜噪音的事，怎么还没人管');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ caseNumber: first.body.caseNumber, disposition: 'linked', queryCode: null });
    const other = await call(caller, '我家门口的路灯也不亮了', near(2, -400));
    expect(other.body.disposition).toBe('dispatched');
    expect(other.body.caseNumber).not.toBe(first.body.caseNumber);
    const third = await call(caller, '楼上空调外机噪音第三次反映');
    expect(third.body).toMatchObject({ caseNumber: first.body.caseNumber, disposition: 'linked', repeatRequester: true });

    const c = await view(first.body.caseNumber);
    expect(c).toMatchObject({ repeats: 2, repeatRequester: true });
    const file = await api(`${sys.intake.url}/api/v1/residents?phone=${caller}`, centre);
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({ name: '赵丽', phone: `${caller.slice(0, 3)}****${caller.slice(-4)}`, phoneVerified: true, repeatRequester: true });
    expect(file.body.cases.map((k: { caseNumber: string }) => k.caseNumber).sort()).toEqual([first.body.caseNumber, other.body.caseNumber].sort());
    expect(file.body.contacts.filter((k: { kind: string }) => k.kind === 'repeat')).toHaveLength(2);
    const attention = await api(`${sys.intake.url}/api/v1/triage/attention`, centre);
    expect(attention.body.repeatRequesters).toEqual(expect.arrayContaining([expect.objectContaining({ id: file.body.id, phone: file.body.phone })]));
    await eventually('case.repeated on Kafka', async () => (probe.matching((m) => m.key === first.body.caseNumber && m.json().type === 'case.repeated').length === 2 ? true : undefined));

    const unknown = await api(`${sys.intake.url}/api/v1/residents?phone=13000000000`, centre);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'RESIDENT_NOT_FOUND']);
    const badPhone = await api(`${sys.intake.url}/api/v1/residents?phone=abc`, centre);
    expect([badPhone.status, badPhone.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const badId = await api(`${sys.intake.url}/api/v1/residents/nope`, centre);
    expect([badId.status, badId.body.error.code]).toEqual([400, 'INVALID_RESIDENT_ID']);
  });

  it('stores phone and ID numbers only sealed: no clear number in any row', async () => {
    const caller = phone();
    const res = await api(`${sys.intake.url}/api/v1/channels/petition`, centre, {
      body: { form: 'letter', petitioners: [{ name: '钱伟', idNumber: '11010519491231002X', phone: caller, address: '坛山街道' }], visitorCount: 1, title: '反映低保资格认定', matter: '家中困难申请低保被拒', demands: '重新认定低保资格' },
    });
    expect(res.status).toBe(201);
    const rows = await sys.db.query(
      `SELECT row_to_json(c)::text AS c, row_to_json(r)::text AS r FROM intake.cases c JOIN intake.residents r ON r.id = c.resident_id WHERE c.number = $1`,
      [res.body.caseNumber],
    );
    expect(rows[0].c).not.toContain(caller);
    expect(rows[0].r).not.toContain(caller);
    expect(rows[0].c + rows[0].r).not.toContain('19491231');
    expect(rows[0].r).toContain(`${caller.slice(0, 3)}****${caller.slice(-4)}`);
  });

  it('merges many requesters about one place and matter into a cluster, handled once and answered to each', async () => {
    const text = '小区门口那盏路灯坏了，一到晚上漆黑一片';
    // The operator files all three under 道路照明 (C02-01).
    const lead = await call(phone(), text, near(3, 300), '甲', 'C02-01');
    expect(lead.body.disposition).toBe('dispatched');
    const member = await call(phone(), '路灯不亮，晚上走路看不见', near(3, 420), '乙', 'C02-01');
    expect(member.body).toMatchObject({ disposition: 'merged', mergedInto: lead.body.caseNumber, status: expect.any(String) });
    const far = await call(phone(), '路灯不亮，晚上走路看不见', near(3, 1400), '丙', 'C02-01');
    expect(far.body.disposition).toBe('dispatched');
    await expect(sys.temporal.workflow.getHandle(`case-${member.body.caseNumber}`).describe()).rejects.toThrow(/not found/i);

    const cluster = await api(`${sys.intake.url}/api/v1/clusters/${member.body.clusterId}`, centre);
    expect(cluster.body).toMatchObject({ leadCaseNumber: lead.body.caseNumber, categoryCode: 'C02-01' });
    expect(cluster.body.members.map((m: { caseNumber: string }) => m.caseNumber)).toEqual([lead.body.caseNumber, member.body.caseNumber]);
    const attention = await api(`${sys.intake.url}/api/v1/triage/attention`, centre);
    expect(attention.body.clusters).toEqual(expect.arrayContaining([expect.objectContaining({ id: member.body.clusterId, requests: 2 })]));

    // The grid worker handles the lead once; the member's requester sees the same reply and rates it.
    const gridCode = (await view(lead.body.caseNumber)).gridCode as string;
    await eventually('lead assigned', async () => ((await view(lead.body.caseNumber)).status === 'assigned' ? true : undefined));
    const worker = tokenFor(sys.departments, `grid-${gridCode}`, ['grid_worker'], gridCode);
    const act = (action: string, body: unknown = {}) => api(`${sys.departments.url}/api/v1/cases/${lead.body.caseNumber}/${action}`, worker, { body });
    expect((await act('sign')).body.status).toBe('signed');
    expect((await act('reply', { result: '已更换灯泡，恢复照明' })).body.status).toBe('replied');
    const seen = await eventually('the member answered with the lead', async () => {
      const r = await api(`${sys.intake.url}/api/v1/public/cases/${member.body.caseNumber}?code=${member.body.queryCode}`, undefined);
      return r.body.status === 'replied' ? r.body : undefined;
    });
    expect(seen).toMatchObject({ mergedInto: lead.body.caseNumber, reply: { result: '已更换灯泡，恢复照明' }, canRate: true });
    // Looked up again: the file counts the day's look-ups once, not every page load.
    expect((await api(`${sys.intake.url}/api/v1/public/cases/${member.body.caseNumber}?code=${member.body.queryCode}`, undefined)).status).toBe(200);
    const [{ lookups }] = await sys.db.query(`SELECT count(*)::int AS lookups FROM intake.case_contacts WHERE case_number = $1 AND kind = 'lookup'`, [member.body.caseNumber]);
    expect(lookups).toBe(1);
    const memberRating = await api(`${sys.intake.url}/api/v1/public/cases/${member.body.caseNumber}/rating`, undefined, { body: { code: member.body.queryCode, rating: 'satisfied' } });
    expect(memberRating.body).toMatchObject({ recorded: true, mergedInto: lead.body.caseNumber });
    const leadRating = await api(`${sys.intake.url}/api/v1/public/cases/${lead.body.caseNumber}/rating`, undefined, { body: { code: lead.body.queryCode, rating: 'satisfied' } });
    expect(leadRating.body.status).toBe('closed');
    await eventually('member closed with its lead', async () => ((await view(member.body.caseNumber)).status === 'closed' ? true : undefined));
    const wrong = await api(`${sys.intake.url}/api/v1/public/cases/${lead.body.caseNumber}/rating`, undefined, { body: { code: 'ZZZZZZ', rating: 'satisfied' } });
    expect([wrong.status, wrong.body.error.code]).toEqual([404, 'CASE_NOT_FOUND']);
  });
});
