import { DomainError } from '../errors';
import { SIZE_CLASSES, SIZE_START_LEVEL } from '../intake';
import { demoDistrict } from '../org';
import type { DispatchEntry } from './catalogue';
import { defaultCatalogue } from './defaults';
import { DispatchFacts, planDispatch } from './plan';

const d = demoDistrict();
const categories = d.categories;
const TOWN = d.towns[2].code; // 古邵镇
const OTHER_TOWN = d.towns[3].code;
const facts = (over: Partial<DispatchFacts> = {}): DispatchFacts => ({ categoryCode: 'C01-01', townCode: TOWN, hasGrid: true, size: 'small', ...over });
const entry = (id: string, over: Partial<DispatchEntry>): DispatchEntry => ({ id, category: '*', area: '*', size: '*', start: 'village', handler: 'area', ...over });

describe('planDispatch: the 大中小 default', () => {
  it.each(SIZE_CLASSES.map((s) => [s, SIZE_START_LEVEL[s]]))('starts a %s matter at the %s of its area when no entry matches', (size, level) => {
    expect(planDispatch([], categories, facts({ size }))).toEqual({ start: level, handler: 'area', departmentMatter: false, entryId: null, reason: expect.stringContaining('大中小') });
  });

  it('applies to an uncategorised case too', () => {
    expect(planDispatch([], categories, facts({ categoryCode: null, size: 'medium' }))).toMatchObject({ start: 'town', handler: 'area', entryId: null });
  });

  it('sends a case outside every grid to the district centre, whatever the size or catalogue', () => {
    const catalogue = [entry('all-grid', { start: 'grid' })];
    expect(planDispatch(catalogue, categories, facts({ hasGrid: false, townCode: null, size: 'small' }))).toMatchObject({ start: 'district', handler: 'area', entryId: null, departmentMatter: false });
  });
});

describe('planDispatch: the most specific entry wins', () => {
  const catalogue = [
    entry('any', { start: 'town' }),
    entry('any-small', { size: 'small', start: 'grid' }),
    entry('area', { area: TOWN, start: 'district' }),
    entry('class', { category: 'C01', start: 'village' }),
    entry('class-area', { category: 'C01', area: TOWN }),
    entry('class-area-small', { category: 'C01', area: TOWN, size: 'small', start: 'grid' }),
    entry('item', { category: 'C01-01', start: 'town' }),
  ];
  const pick = (f: Partial<DispatchFacts>, list = catalogue) => planDispatch(list, categories, facts(f)).entryId;

  it('prefers a sub-item to its class, and a class to "*"', () => {
    expect(pick({ categoryCode: 'C01-01' })).toBe('item');
    expect(pick({ categoryCode: 'C01-02', size: 'medium' })).toBe('class-area');
    expect(pick({ categoryCode: 'C02-01', townCode: OTHER_TOWN, size: 'medium' })).toBe('any');
  });

  it('ranks the category before the area, and the area before the size', () => {
    // A class entry for any town beats a '*' entry for this town and size.
    expect(pick({ categoryCode: 'C01-02', townCode: OTHER_TOWN, size: 'small' })).toBe('class');
    expect(pick({ categoryCode: 'C02-01', size: 'small' })).toBe('area');
    expect(pick({ categoryCode: 'C01-02', size: 'small' })).toBe('class-area-small');
  });

  it('matches an entry for a class when the case is categorised by the class itself', () => {
    expect(pick({ categoryCode: 'C01', townCode: OTHER_TOWN })).toBe('class');
  });

  it('does not depend on the order of the entries', () => {
    expect(pick({ categoryCode: 'C01-02', size: 'small' }, [...catalogue].reverse())).toBe('class-area-small');
  });

  it('resolves the handler: the area, a named unit, or the lead department at the district', () => {
    const dept = d.departments[4].code;
    const list = [entry('unit', { category: 'C02', start: 'district', handler: { unitCode: dept } }), entry('lead', { category: 'C03-01', start: 'district', handler: 'lead-department' })];
    expect(planDispatch(list, categories, facts({ categoryCode: 'C02-01' }))).toMatchObject({ start: 'district', handler: { unitCode: dept }, entryId: 'unit' });
    const lead = categories.find((c) => c.code === 'C03-01')?.leadDepartmentCode;
    expect(planDispatch(list, categories, facts({ categoryCode: 'C03-01' }))).toMatchObject({ start: 'district', handler: { unitCode: lead }, entryId: 'lead', departmentMatter: false });
  });
});

describe('planDispatch: department matters', () => {
  it('sends 食品安全 to its lead department at the district, whatever the entries say', () => {
    const food = categories.find((c) => c.name === '食品安全');
    const catalogue = [entry('food-grid', { category: 'C05', start: 'grid' }), entry('any', { start: 'grid' })];
    for (const size of SIZE_CLASSES) {
      expect(planDispatch(catalogue, categories, facts({ categoryCode: food?.code ?? '', size }))).toEqual({
        start: 'district',
        handler: { unitCode: food?.leadDepartmentCode },
        departmentMatter: true,
        entryId: null,
        reason: expect.stringContaining('C05-01 食品安全'),
      });
    }
  });

  it('still goes to the lead department outside every grid', () => {
    expect(planDispatch([], categories, facts({ categoryCode: 'C04-01', hasGrid: false, townCode: null }))).toMatchObject({ start: 'district', handler: { unitCode: '370404D05' }, departmentMatter: true });
  });

  it('counts every sub-item of a flagged class, and a sub-item inherits its class lead department', () => {
    const tree = [{ code: 'X', name: 'x', leadDepartmentCode: 'D1', departmentMatter: true }, { code: 'X-01', name: 'x1', parentCode: 'X' }];
    expect(planDispatch([], tree, facts({ categoryCode: 'X-01' }))).toMatchObject({ handler: { unitCode: 'D1' }, departmentMatter: true });
  });

  it('flags the seeded set of department matters only', () => {
    expect(categories.filter((c) => c.departmentMatter).map((c) => c.name)).toEqual(['不动产办证', '拖欠工资', '社会保险', '食品安全', '消费维权', '电信诈骗', '土地征收']);
  });
});

describe('planDispatch: unknown categories', () => {
  it('refuses a code that is not in the tree with UNKNOWN_CATEGORY', () => {
    const error = (() => {
      try {
        planDispatch([], categories, facts({ categoryCode: 'C99-01' }));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'invalid', code: 'UNKNOWN_CATEGORY' });
  });
});

describe('defaultCatalogue', () => {
  const plan = (f: Partial<DispatchFacts>) => planDispatch(defaultCatalogue(), categories, facts(f));

  it('keeps a medium neighbour dispute in the village, and 低保 at the town', () => {
    expect(plan({ categoryCode: 'C06-02', size: 'medium' })).toMatchObject({ start: 'village', entryId: 'disputes-medium' });
    expect(plan({ categoryCode: 'C06-02', size: 'small' })).toMatchObject({ start: 'grid', entryId: null });
    expect(plan({ categoryCode: 'C09-01', size: 'small' })).toMatchObject({ start: 'town', entryId: 'subsistence-allowance' });
  });

  it('lets a sub-item entry beat an area entry for its class (坛山街道 road damage goes to the town)', () => {
    const tanshan = d.towns[0].code;
    expect(plan({ categoryCode: 'C02-01', townCode: tanshan })).toMatchObject({ start: 'village', entryId: 'tanshan-municipal-small' });
    expect(plan({ categoryCode: 'C02-03', townCode: tanshan })).toMatchObject({ start: 'town', entryId: 'road-damage' });
  });

  it('sends large pollution to the environment bureau', () => {
    expect(plan({ categoryCode: 'C03-02', size: 'large' })).toMatchObject({ start: 'district', handler: { unitCode: '370404D06' }, entryId: 'pollution-large' });
  });
});
