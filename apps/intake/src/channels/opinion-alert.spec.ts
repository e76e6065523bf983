import { fromAlert } from './channel.mapping';
import { alertCaseSchema } from './channel.schemas';
import { OpinionAlert, alreadyHandled } from './opinion-alert';

const alert: OpinionAlert = {
  id: '0b0e6c55-3f1c-4d8e-9a53-5b8f2f0c1d22',
  source: '微博',
  link: 'https://weibo.com/1',
  title: '网友称某小区夜间施工',
  text: '连续一周深夜施工，噪音很大',
  reach: 1200,
  publishedAt: new Date('2026-11-20T08:00:00Z'),
  reportUpward: true,
  reasons: ['传播量大'],
  categoryCode: null,
  state: 'open',
  caseNumber: null,
  handledBy: null,
  handledAt: null,
  dismissalReason: null,
  registeredAt: new Date('2026-11-20T09:00:00Z'),
};
const body = (b: unknown) => alertCaseSchema.parse(b);
const fieldsOf = (b: unknown) => (alertCaseSchema.safeParse(b).error?.issues ?? []).map((i) => i.path.join('.'));

describe('opinion alerts', () => {
  it('are handled once: a converted or dismissed alert refuses both actions, saying what became of it', () => {
    expect(alreadyHandled(alert)).toBeNull();
    const converted = alreadyHandled({ ...alert, state: 'converted', caseNumber: '20261123000042', handledBy: 'dispatcher' });
    expect([converted?.kind, converted?.code, converted?.details]).toEqual(['conflict', 'ALERT_ALREADY_HANDLED', { state: 'converted', caseNumber: '20261123000042' }]);
    expect(converted?.message).toContain('20261123000042');
    const dismissed = alreadyHandled({ ...alert, state: 'dismissed', handledBy: 'dispatcher', dismissalReason: '已核实不实' });
    expect([dismissed?.code, dismissed?.message]).toEqual(['ALERT_ALREADY_HANDLED', expect.stringContaining('已核实不实')]);
  });

  it("become an opinion case with the dispatcher's category and place, the alert's text, link and flag", () => {
    const req = fromAlert(alert, body({ category: 'C03-01', location: { lat: 34.72, lng: 117.53, address: '吴林街道某小区' } }));
    expect(req).toMatchObject({
      channel: 'opinion',
      title: alert.title,
      description: alert.text,
      categoryCode: 'C03-01',
      reportUpward: true,
      location: { lat: 34.72, lng: 117.53, address: '吴林街道某小区' },
      requester: null,
      details: { opinion: { source: '微博', link: alert.link, publishedAt: '2026-11-20T08:00:00.000Z', reach: 1200, alertId: alert.id } },
    });
    expect(req.address).toBeUndefined();
    expect(req.external).toBeUndefined();
  });

  it('keep what the dispatcher rewrote and an address without coordinates', () => {
    const req = fromAlert(alert, body({ category: 'C03-01', location: { address: '吴林街道某小区' }, title: '某小区夜间施工噪声', description: '核实：工地夜间施工', reportUpward: false, urgency: 'normal' }));
    expect(req).toMatchObject({ title: '某小区夜间施工噪声', description: '核实：工地夜间施工', reportUpward: false, urgency: 'normal', location: null, address: '吴林街道某小区' });
  });

  it('need a category and a place: coordinates together, an address, or both', () => {
    expect(fieldsOf({ location: { lat: 34.72, lng: 117.53 } })).toEqual(['category']);
    expect(fieldsOf({ category: 'C03-01', location: { lat: 34.72 } })).toEqual(['location.lng']);
    expect(fieldsOf({ category: 'C03-01', location: {} })).toEqual(['location']);
    expect(fieldsOf({ category: 'C03-01', location: { lat: 95, lng: 117.53 } })).toEqual(['location.lat']);
    expect(fieldsOf({ category: 'C03-01', location: { address: '某地' }, extra: 1 })).toEqual(['']);
  });
});
