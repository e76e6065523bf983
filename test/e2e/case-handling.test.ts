import { DEMO_DISTRICT_CODE, DEMO_POINTS } from '@fq/domain';
import { KafkaProbe, api, eventually, tokenFor } from '@fq/testing';
import { System, startSystem } from '../support/system';

/** A case handled by its grid worker through the workbench and closed by the resident's rating, over HTTP. */
describe('handling a case from the workbench to 销号', () => {
  let sys: System;
  let probe: KafkaProbe;

  beforeAll(async () => {
    sys = await startSystem();
    probe = await new KafkaProbe(['fq.case.v1']).start();
  });

  afterAll(async () => {
    await probe?.stop();
    await sys?.stop();
  });

  it('is signed, refused a reply out of turn, replied, rated satisfied and closed', async () => {
    const target = DEMO_POINTS[4];
    const operator = tokenFor(sys.intake, 'operator', ['operator'], DEMO_DISTRICT_CODE);
    const posted = await api(`${sys.intake.url}/api/v1/cases`, operator, {
      body: { channel: 'web', title: '楼下井盖破损', description: '小区门口井盖破了一个角，晚上容易绊倒', location: target.point, requester: { name: '孙丽', phone: '13600003333' }, separate: true },
    });
    const { caseNumber } = posted.body;
    await eventually('assignment', async () => ((await api(`${sys.intake.url}/api/v1/cases/${caseNumber}`, operator)).body.status === 'assigned' ? true : undefined));

    const worker = tokenFor(sys.departments, `grid-${target.gridCode}`, ['grid_worker'], target.gridCode);
    const stranger = tokenFor(sys.departments, 'grid-other', ['grid_worker'], DEMO_POINTS[0].gridCode);
    const act = (token: string, action: string, body: unknown = {}) => api(`${sys.departments.url}/api/v1/cases/${caseNumber}/${action}`, token, { body });

    const early = await act(worker, 'reply', { result: '已修复' });
    expect([early.status, early.body.error.code]).toEqual([409, 'CASE_NOT_SIGNED']);
    const wrongUnit = await act(stranger, 'sign');
    expect([wrongUnit.status, wrongUnit.body.error.code]).toEqual([409, 'NOT_HANDLING_UNIT']);
    const notAllowed = await act(worker, 'reroute', { level: 'town', unit: { code: 'x', name: 'y' } });
    expect([notAllowed.status, notAllowed.body.error.code]).toEqual([403, 'ROLE_REQUIRED']);
    const invalid = await act(worker, 'reply', { result: '' });
    expect([invalid.status, invalid.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);

    expect((await act(worker, 'sign')).body.status).toBe('signed');
    const replied = await act(worker, 'reply', { result: '已联系市政更换井盖' });
    expect(replied.body).toMatchObject({ status: 'replied', reply: { result: '已联系市政更换井盖' } });

    const resident = tokenFor(sys.intake, 'resident', ['resident'], target.gridCode);
    const rated = await api(`${sys.intake.url}/api/v1/cases/${caseNumber}/rating`, resident, { body: { rating: 'satisfied' } });
    expect(rated.body).toMatchObject({ status: 'closed', rating: { rating: 'satisfied', by: 'requester' } });

    const view = await eventually('closed in intake', async () => {
      const r = await api(`${sys.intake.url}/api/v1/cases/${caseNumber}`, operator);
      return r.body.status === 'closed' ? r.body : undefined;
    });
    expect(view.resolveBy).toBeNull();
    const types = await eventually('case.closed on Kafka', async () => {
      const mine = probe.matching((m) => m.key === caseNumber && m.json().producer === 'intake').map((m) => m.json().type as string);
      return mine.includes('case.closed') ? mine : undefined;
    });
    expect(types).toEqual(['case.registered', 'case.signed', 'case.replied', 'case.rated', 'case.closed']);
    const orders = await api(`${sys.departments.url}/api/v1/work-orders?status=closed`, worker);
    expect(orders.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ caseNumber, status: 'replied' })]));
    const again = await api(`${sys.intake.url}/api/v1/cases/${caseNumber}/rating`, resident, { body: { rating: 'unsatisfied' } });
    expect([again.status, again.body.error.code]).toEqual([409, 'CASE_ENDED']);
  });
});
