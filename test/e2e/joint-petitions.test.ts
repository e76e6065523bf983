import { api } from '@fq/testing';
import { closeIntakeDesk, openIntakeDesk, type IntakeDesk } from '../support/intake-desk';
import { freshPhone } from '../support/requests';

/** An 18-character resident ID number with its check character (GB 11643), from a 17-digit body. */
function idNumber(body: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** Joint petitions (联名信访) naming the same petitioners in opposite orders, sent at the same moment. */
describe('joint petitions sent concurrently', () => {
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
});
