import { DEMO_POINTS } from '@fq/domain';
import { api, eventually, tokenFor } from '@fq/testing';
import { closeIntakeDesk, caseWatch, openIntakeDesk, type IntakeDesk } from '../support/intake-desk';
import { freshPhone, northOf } from '../support/requests';
import { PNG, upload } from '../support/uploads';

// Near 坛山社区第4网格's centre. Each test takes a sub-item no other suite reports there (case-slice
// files C03-01 at the centre itself), so its cluster is its own whatever order the suites run in.
const spot = northOf(0, 40);
const grid = DEMO_POINTS[0].gridCode;
const phone = () => freshPhone('166');

/** Requests merged into a cluster (并单) follow their lead, whatever the order of events; other people's matters outlive the lead's withdrawal. */
describe('clusters follow their lead', () => {
  let desk: IntakeDesk;
  beforeAll(async () => (desk = await openIntakeDesk([])));
  afterAll(() => closeIntakeDesk(desk));
  const { view, assigned } = caseWatch(() => desk);
  const call = (category: string, text: string, separate?: boolean, location = spot, caller = phone()) =>
    api(`${desk.sys.intake.url}/api/v1/channels/hotline`, desk.operator, { body: { caller: { name: '孙强', phone: caller }, text, location, category, size: 'small', ...(separate ? { separate } : {}) } });
  const publicView = (r: { body: { caseNumber: string; queryCode: string } }) => api(`${desk.sys.intake.url}/api/v1/public/cases/${r.body.caseNumber}?code=${r.body.queryCode}`, undefined);
  const publicRating = (r: { body: { caseNumber: string; queryCode: string } }, rating: string) =>
    api(`${desk.sys.intake.url}/api/v1/public/cases/${r.body.caseNumber}/rating`, undefined, { body: { code: r.body.queryCode, rating } });
  const worker = () => tokenFor(desk.sys.departments, `grid-${grid}`, ['grid_worker'], grid);
  const act = (n: string, action: string, body: unknown = {}) => api(`${desk.sys.departments.url}/api/v1/cases/${n}/${action}`, worker(), { body });

  it('a request merged into a lead that is not yet assigned is assigned with it', async () => {
    const lead = await call('C02-01', '坛山社区路口的路灯整晚不亮', true);
    const member = await call('C02-01', '路口路灯坏了，晚上很黑');
    expect(member.body).toMatchObject({ disposition: 'merged', mergedInto: lead.body.caseNumber, status: 'registered' });
    const led = await assigned(lead.body.caseNumber);
    const followed = await assigned(member.body.caseNumber);
    expect(followed).toMatchObject({ level: led.level, unit: led.unit, mergedInto: lead.body.caseNumber });
  });

  it('twenty requests at once about one spot: one lead, nineteen members, every member assigned with the lead', async () => {
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => call('C03-02', `坛山社区路边有人倾倒建筑垃圾（第${i + 1}位居民）`)));
    expect(all.map((r) => r.status).every((s) => s === 201)).toBe(true);
    const leads = all.filter((r) => r.body.disposition === 'dispatched');
    expect(leads).toHaveLength(1);
    const lead = leads[0].body.caseNumber as string;
    const members = all.filter((r) => r.body.disposition === 'merged');
    expect(members).toHaveLength(19);
    expect(members.every((r) => r.body.mergedInto === lead)).toBe(true);
    await assigned(lead);
    for (const r of members) expect(await assigned(r.body.caseNumber)).toMatchObject({ mergedInto: lead, level: 'grid' });
  });

  it("a lead's withdrawal does not withdraw the members: the earliest becomes the lead with its own workflow, the other follows it", async () => {
    const lead = await call('C07-01', '坛山社区小区门口占道经营，摊贩堵住出入口', true);
    await assigned(lead.body.caseNumber);
    const first = await call('C07-01', '小区门口摊贩占道，进出不方便');
    const second = await call('C07-01', '门口摆摊的太多了，车开不进去');
    expect([first.body.mergedInto, second.body.mergedInto]).toEqual([lead.body.caseNumber, lead.body.caseNumber]);

    const withdrawn = await api(`${desk.sys.intake.url}/api/v1/cases/${lead.body.caseNumber}/withdraw`, desk.operator, { body: { reason: '来电人表示已自行协商解决' } });
    expect(withdrawn.status).toBe(200);
    await eventually('the lead withdrawn', async () => ((await view(lead.body.caseNumber)).status === 'withdrawn' ? true : undefined));

    const successor = await assigned(first.body.caseNumber);
    expect(successor).toMatchObject({ disposition: 'dispatched', mergedInto: null, clusterId: first.body.clusterId, separation: { leadCaseNumber: lead.body.caseNumber, by: 'intake' } });
    expect((await desk.sys.temporal.workflow.getHandle(`case-${first.body.caseNumber}`).describe()).status.name).toBe('RUNNING');
    expect(await assigned(second.body.caseNumber)).toMatchObject({ disposition: 'merged', mergedInto: first.body.caseNumber });
    expect((await publicView(second)).body.status).toBe('assigned');
    const cluster = await api(`${desk.sys.intake.url}/api/v1/clusters/${first.body.clusterId}`, desk.centre);
    expect(cluster.body.leadCaseNumber).toBe(first.body.caseNumber);
    const [{ notes }] = await desk.sys.db.query(`SELECT count(*)::int AS notes FROM intake.case_contacts WHERE case_number = ANY($1) AND kind = 'separated'`, [[first.body.caseNumber, second.body.caseNumber]]);
    expect(notes).toBe(2);
  });

  it('a member withdraws its own request; the lead and the other member carry on', async () => {
    const at = northOf(0, -450);
    const lead = await call('C07-01', '坛山社区南头菜市场门口占道经营', true, at);
    const leaving = await call('C07-01', '菜市场门口摊贩占道', false, at);
    const staying = await call('C07-01', '菜市场门口占道摆摊，走不过去', false, at);
    expect([leaving.body.mergedInto, staying.body.mergedInto]).toEqual([lead.body.caseNumber, lead.body.caseNumber]);
    const res = await api(`${desk.sys.intake.url}/api/v1/cases/${leaving.body.caseNumber}/withdraw`, desk.operator, { body: { reason: '来电人表示问题已解决' } });
    expect([res.status, res.body]).toEqual([200, { caseNumber: leaving.body.caseNumber, mergedInto: lead.body.caseNumber, status: 'withdrawn' }]);
    await assigned(lead.body.caseNumber);
    await assigned(staying.body.caseNumber);
    expect((await view(leaving.body.caseNumber)).status).toBe('withdrawn');
    expect((await publicView(leaving)).body.status).toBe('withdrawn');
    const again = await api(`${desk.sys.intake.url}/api/v1/cases/${leaving.body.caseNumber}/withdraw`, desk.operator, { body: { reason: '重复操作' } });
    expect([again.status, again.body.error.code]).toEqual([409, 'CASE_NOT_WITHDRAWABLE']);
  });

  it("an answered lead takes no new members; each member rates once and keeps its own rating; a closed case's rating is a 409, never a wrong code", async () => {
    // 410 m from the other tests' spot: out of their clusters, in the same grid.
    const away = northOf(0, 450);
    const lead = await call('C03-01', '坛山社区北头的饭店排风机噪音很大', true, away);
    expect(await assigned(lead.body.caseNumber)).toMatchObject({ level: 'grid', gridCode: grid });
    const memberPhone = phone();
    const member = await call('C03-01', '北头饭店排风机太吵了', false, away, memberPhone);
    expect(member.body.mergedInto).toBe(lead.body.caseNumber);
    const early = await publicRating(member, 'satisfied');
    expect([early.status, early.body.error.code]).toEqual([409, 'NOT_REPLIED_YET']);
    expect((await act(lead.body.caseNumber, 'sign')).body.status).toBe('signed');
    expect((await act(lead.body.caseNumber, 'reply', { result: '已协调饭店加装消音设备' })).body.status).toBe('replied');
    await eventually('the lead replied', async () => ((await view(lead.body.caseNumber)).status === 'replied' ? true : undefined));

    const late = await call('C03-01', '北头饭店排风机还是很吵', false, away);
    expect(late.body).toMatchObject({ disposition: 'dispatched', mergedInto: null });

    expect((await publicRating(member, 'basically_satisfied')).body).toEqual({ caseNumber: member.body.caseNumber, mergedInto: lead.body.caseNumber, rating: 'basically_satisfied', recorded: true });
    const twice = await publicRating(member, 'unsatisfied');
    expect([twice.status, twice.body.error.code]).toEqual([409, 'ALREADY_RATED']);
    expect((await publicRating(lead, 'satisfied')).body.status).toBe('closed');
    await eventually('the lead closed', async () => ((await view(lead.body.caseNumber)).status === 'closed' ? true : undefined));

    // A closed case's rating is refused as such (the wrong-code budget is tried in test/integration/rate-limit).
    const closed = await publicRating(lead, 'satisfied');
    expect([closed.status, closed.body.error.code]).toEqual([409, 'CASE_ENDED']);
    expect((await publicView(lead)).status).toBe(200);
    const file = await api(`${desk.sys.intake.url}/api/v1/residents?phone=${memberPhone}`, desk.centre);
    expect(file.body.cases).toEqual([expect.objectContaining({ caseNumber: member.body.caseNumber, rating: 'basically_satisfied' })]);
    await assigned(late.body.caseNumber);
  });

  it('photos sent with a repeat request end on the case it repeats, marked as from the repeat, and the answer says where', async () => {
    const requester = { name: '卢敏', phone: phone() };
    const form = (attachments: string[]) =>
      api(`${desk.sys.intake.url}/api/v1/cases`, desk.operator, {
        body: { channel: 'web', title: '小区南门垃圾堆放', description: '小区南门外垃圾堆放好几天没人清运，气味很大', category: 'C07-01', size: 'small', location: northOf(0, -900), requester, attachments },
      });
    const [a1, a2] = [await upload(desk.sys.intake.url, PNG, 'first.png'), await upload(desk.sys.intake.url, PNG, 'again.png')];
    const first = await form([a1]);
    expect(first.body).toMatchObject({ disposition: 'dispatched', attachedTo: first.body.caseNumber });
    const again = await form([a2]);
    expect(again.body).toMatchObject({ disposition: 'linked', caseNumber: first.body.caseNumber, attachedTo: first.body.caseNumber });
    expect((await view(first.body.caseNumber)).attachments).toEqual([
      { id: a1, fileName: 'first.png', contentType: 'image/png', sizeBytes: PNG.length },
      { id: a2, fileName: 'again.png', contentType: 'image/png', sizeBytes: PNG.length, fromRepeat: true },
    ]);
  });
});
