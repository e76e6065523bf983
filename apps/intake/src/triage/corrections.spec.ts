import { type TriagedCase, correctionOf } from './corrections';

const triaged = (over: Partial<TriagedCase> = {}, triage: TriagedCase['triage'] = {}): TriagedCase => ({
  number: '20261123000001',
  description: '楼下饭店着火了，我电话13912345678',
  categoryCode: 'C07-01',
  urgency: 'emergency',
  sizeClass: 'small',
  reportUpward: false,
  handOff: null,
  ...over,
  triage: {
    suggestedCategory: { code: 'C07-01', confidence: 0.7 },
    detected: { urgency: 'emergency', size: 'small', reportUpward: false, handOff: '119' },
    operator: {},
    ...triage,
  },
});

describe('correctionOf', () => {
  it('leaves out a case where people took triage at its word, or one registered before triage kept its reading', () => {
    expect(correctionOf(triaged())).toBeUndefined();
    expect(correctionOf(triaged({}, { detected: undefined }))).toBeUndefined();
  });

  it("labels with the operator's category, urgency and size, naming what they corrected, phones masked", () => {
    const c = correctionOf(triaged({ categoryCode: 'C02-01', urgency: 'urgent', sizeClass: 'medium' }, { operator: { category: 'C02-01', urgency: 'urgent', size: 'medium' } }));
    expect(c).toEqual({
      caseNumber: '20261123000001', text: '楼下饭店着火了，我电话139****5678', category: 'C02-01', urgency: 'urgent', size: 'medium', reportUpward: false, handOff: '119',
      corrected: ['category', 'urgency', 'size'],
    });
  });

  it("takes an operator's explicit no to reporting upward, a recorded hand-off, and a category corrected when separating", () => {
    expect(correctionOf(triaged({ reportUpward: true }, { detected: { urgency: 'emergency', size: 'small', reportUpward: true, handOff: '119' }, operator: { reportUpward: false } }))).toMatchObject({ reportUpward: false, corrected: ['reportUpward'] });
    expect(correctionOf(triaged({ handOff: '110' }))).toMatchObject({ handOff: '110', corrected: ['handOff'] });
    expect(correctionOf(triaged({ separatedAs: 'C02-02' }))).toMatchObject({ category: 'C02-02', corrected: ['category'] });
  });
});
