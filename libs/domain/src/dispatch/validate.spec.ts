import { DomainError } from '../errors';
import { allUnits, demoDistrict } from '../org';
import type { DispatchEntry } from './catalogue';
import { defaultCatalogue } from './defaults';
import { catalogueProblems, validateCatalogue } from './validate';

const d = demoDistrict();
const ctx = { categories: d.categories, units: allUnits(d) };
const TOWN = d.towns[0].code;
const entry = (id: string, over: Partial<DispatchEntry> = {}): DispatchEntry => ({ id, category: '*', area: '*', size: '*', start: 'village', handler: 'area', ...over });
const codes = (entries: DispatchEntry[]) => catalogueProblems(entries, ctx).map((p) => p.code);

describe('validateCatalogue', () => {
  it('accepts the default catalogue and an empty one', () => {
    expect(catalogueProblems(defaultCatalogue(), ctx)).toEqual([]);
    expect(codes([])).toEqual([]);
  });

  it('refuses duplicate ids and two entries for the same category, area and size', () => {
    expect(codes([entry('a'), entry('a', { size: 'small' })])).toEqual(['DISPATCH_ENTRY_DUPLICATE_ID']);
    const [p] = catalogueProblems([entry('a', { category: 'C01' }), entry('b', { category: 'C01', start: 'town' })], ctx);
    expect(p).toMatchObject({ code: 'DISPATCH_ENTRY_OVERLAP', entryIds: ['b', 'a'] });
  });

  it('refuses unknown categories, areas and units', () => {
    expect(codes([entry('a', { category: 'C99' })])).toEqual(['DISPATCH_UNKNOWN_CATEGORY']);
    expect(codes([entry('a', { area: d.villages[0].code })])).toEqual(['DISPATCH_UNKNOWN_AREA']);
    expect(codes([entry('a', { handler: { unitCode: 'nobody' } })])).toEqual(['DISPATCH_UNKNOWN_UNIT']);
  });

  it('refuses a handler that does not hold the start level', () => {
    expect(codes([entry('a', { start: 'town', handler: { unitCode: d.departments[0].code } })])).toEqual(['DISPATCH_HANDLER_LEVEL_MISMATCH']);
    expect(codes([entry('a', { start: 'town', handler: { unitCode: TOWN } })])).toEqual([]);
    expect(codes([entry('a', { category: 'C01', start: 'town', handler: 'lead-department' })])).toEqual(['DISPATCH_HANDLER_LEVEL_MISMATCH']);
    expect(codes([entry('a', { start: 'district', handler: 'lead-department' })])).toEqual(['DISPATCH_ENTRY_INVALID']);
  });

  it('refuses an entry that would push a department matter below the district', () => {
    const [p] = catalogueProblems([entry('food', { category: 'C05-01', area: TOWN, size: 'small', start: 'grid' })], ctx);
    expect(p).toMatchObject({ code: 'DISPATCH_DEPARTMENT_MATTER_PUSHED_DOWN', entryIds: ['food'] });
    expect(p.message).toContain('C05-01 食品安全');
  });

  it('refuses an entry that would send a department matter past its lead department', () => {
    expect(codes([entry('wages', { category: 'C04-01', start: 'district', handler: 'area' })])).toEqual(['DISPATCH_DEPARTMENT_MATTER_REROUTED']);
    expect(codes([entry('wages', { category: 'C04-01', start: 'district', handler: 'lead-department' })])).toEqual([]);
    expect(codes([entry('wages', { category: 'C04-01', start: 'district', handler: { unitCode: '370404D05' } })])).toEqual([]);
  });

  it('leaves a class entry alone even if some of its sub-items are department matters (they are overridden)', () => {
    expect(codes([entry('market', { category: 'C05', start: 'grid' })])).toEqual([]);
  });

  it('refuses malformed entries', () => {
    expect(codes([{ ...entry('a'), start: 'leader' } as unknown as DispatchEntry])).toEqual(['DISPATCH_ENTRY_INVALID']);
    expect(codes([{ ...entry('a'), size: 'huge' } as unknown as DispatchEntry])).toEqual(['DISPATCH_ENTRY_INVALID']);
    expect(codes([{ ...entry(' '), handler: 'someone' } as unknown as DispatchEntry])).toEqual(['DISPATCH_ENTRY_INVALID', 'DISPATCH_ENTRY_INVALID']);
  });

  it('throws the first problem as an invalid DomainError carrying all of them', () => {
    const error = (() => {
      try {
        validateCatalogue([entry('x', { category: 'C99' }), entry('y', { area: 'nowhere' })], ctx);
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'invalid', code: 'DISPATCH_UNKNOWN_CATEGORY' });
    expect((error?.details as { problems: unknown[] }).problems).toHaveLength(2);
    const ok = defaultCatalogue();
    expect(validateCatalogue(ok, ctx)).toBe(ok);
  });
});
