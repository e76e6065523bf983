import { OutboxMessage } from '@fq/events';
import { TemporalDispatcher } from '@fq/temporal';
import { api, eventually } from '@fq/testing';
import { randomUUID } from 'node:crypto';
import { closeIntakeDesk, openIntakeDesk, type IntakeDesk } from '../support/intake-desk';
import { freshPhone, northOf } from '../support/requests';

/** An 18-character resident ID number with its check character (GB 11643), from a 17-digit body. */
function idNumber(body: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** Requests sent twice or at the same moment: joint petitions (联名信访) naming the same people in opposite orders, forms retried with an Idempotency-Key, a workflow start delivered twice. */
describe('intake under retries and races', () => {
  let desk: IntakeDesk;
  beforeAll(async () => (desk = await openIntakeDesk([])));
  afterAll(() => closeIntakeDesk(desk));

  const petition = (petitioners: object[], round: number) =>
    api(`${desk.sys.intake.url}/api/v1/channels/petition`, desk.centre, {
      body: { form: 'visit', petitioners, visitorCount: 2, title: `反映村集体土地收益分配（第${round}轮）`, matter: `村集体土地流转收益多年未公开分配，第${round}轮反映`, demands: '公开账目并按户分配' },
    });

  it('answers every pair, whatever the order of the names: no deadlock, none lost', async () => {
    for (let round = 1; round <= 5; round++) {
      const a = { name: '郑华', idNumber: idNumber(`37040419700101${String(100 + round).slice(-3)}`), phone: freshPhone('150'), address: '坛山街道' };
      const b = { name: '王梅', idNumber: idNumber(`37040419720202${String(200 + round).slice(-3)}`), phone: freshPhone('151'), address: '坛山街道' };
      const [ab, ba] = await Promise.all([petition([a, b], round), petition([b, a], round)]);
      // Each names its first petitioner as the requester: two matters of two requesters, both new cases.
      expect([ab.status, ba.status, ab.body.error, ba.body.error]).toEqual([201, 201, undefined, undefined]);
      const numbers = [ab.body.caseNumber, ba.body.caseNumber];
      const filed: { n: number }[] = await desk.sys.db.query(`SELECT count(DISTINCT resident_id)::int AS n FROM intake.case_contacts WHERE case_number = ANY($1)`, [numbers]);
      expect(filed[0].n).toBe(2);
    }
  });

  it('a form sent again with the same Idempotency-Key is the same request, not a repeat contact', async () => {
    const form = (key?: string) =>
      fetch(`${desk.sys.intake.url}/api/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${desk.operator}`, ...(key ? { 'idempotency-key': key } : {}) },
        body: JSON.stringify({ channel: 'web', title: '小区健身器材损坏', description: '小区健身器材的单杠断了，有安全隐患', category: 'C07-01', size: 'small', location: northOf(6, -900), requester }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { caseNumber: string; error: { code: string } } }));
    const requester = { name: '邓磊', phone: freshPhone('188') };
    const key = randomUUID();
    const first = await form(key);
    expect(first.status).toBe(201);
    const retried = await form(key);
    expect(retried.body).toMatchObject({ caseNumber: first.body.caseNumber, disposition: 'dispatched' });
    const contacts = async () => (await api(`${desk.sys.intake.url}/api/v1/residents?phone=${requester.phone}`, desk.centre)).body.contacts as { kind: string }[];
    expect((await contacts()).filter((k) => k.kind === 'repeat')).toHaveLength(0);
    // Without the key, the same words again are a repeat of the open matter, as before.
    expect((await form()).body).toMatchObject({ caseNumber: first.body.caseNumber, disposition: 'linked' });
    expect((await contacts()).filter((k) => k.kind === 'repeat')).toHaveLength(1);
    const bad = await form('not-a-uuid');
    expect([bad.status, bad.body.error.code]).toEqual([400, 'INVALID_IDEMPOTENCY_KEY']);
  });

  it('a "start caseWorkflow" delivered again after the workflow finished starts no new run', async () => {
    const res = await api(`${desk.sys.intake.url}/api/v1/cases`, desk.operator, {
      body: { channel: 'hotline', title: '楼下饭店油烟扰民', description: '楼下饭店油烟直排，家里窗户都不敢开', category: 'C03-01', size: 'small', location: northOf(6, -600), requester: { name: '韩雪', phone: freshPhone('187') }, separate: true },
    });
    expect(res.status).toBe(201);
    const { caseNumber } = res.body as { caseNumber: string };
    const handle = desk.sys.temporal.workflow.getHandle(`case-${caseNumber}`);
    await eventually('the workflow running', async () => ((await handle.describe().catch(() => undefined))?.status.name === 'RUNNING' ? true : undefined));
    await handle.terminate('finished for the test');
    const { runId } = await handle.describe();

    // The relay may deliver a row twice (it crashed after the start, before marking the row).
    const rows: OutboxMessage[] = await desk.sys.db.query(`SELECT * FROM intake.outbox WHERE destination = 'temporal' AND key = $1`, [caseNumber]);
    expect(rows).toHaveLength(1);
    expect(await desk.sys.intake.app.get(TemporalDispatcher).deliver(rows)).toEqual({ delivered: 1 });
    const after = await handle.describe();
    expect([after.runId, after.status.name]).toEqual([runId, 'TERMINATED']);
  });
});
