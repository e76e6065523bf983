import { createAddressSchema, searchAddressesSchema, updateAddressSchema } from './addresses.schemas';

/** The fields a parse refused, each once. */
const problems = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (r.success ? [] : [...new Set(r.error!.issues.map((i) => i.path.join('.') || '(body)'))]);
const point = { lat: 34.76, lng: 117.59 };

describe('address schemas', () => {
  it('trims names and fills the defaults of a new entry', () => {
    expect(createAddressSchema.parse({ name: '  承水花园 ', point })).toEqual({ name: '承水花园', aliases: [], point, active: true });
  });

  it('refuses names of fewer than two real characters, over 100, too many aliases, and points off the globe', () => {
    expect(problems(createAddressSchema.safeParse({ name: ' 园 ', point }))).toEqual(['name']);
    expect(problems(createAddressSchema.safeParse({ name: '(-)', point }))).toEqual(['name']);
    expect(problems(createAddressSchema.safeParse({ name: '园'.repeat(101), point }))).toEqual(['name']);
    expect(problems(createAddressSchema.safeParse({ name: '承水花园', aliases: Array.from({ length: 21 }, (_, i) => `别名${i}`), point }))).toEqual(['aliases']);
    expect(problems(createAddressSchema.safeParse({ name: '承水花园', aliases: ['好', 'x'.repeat(101)], point }))).toEqual(['aliases.0', 'aliases.1']);
    expect(problems(createAddressSchema.safeParse({ name: '承水花园', point: { lat: 91, lng: -181 } }))).toEqual(['point.lat', 'point.lng']);
    expect(problems(createAddressSchema.safeParse({ name: '承水花园', point: { lat: '34.7', lng: 117.5 } }))).toEqual(['point.lat']);
    expect(problems(createAddressSchema.safeParse({ name: '承水花园' }))).toEqual(['point']);
  });

  it('takes an id fit for a URL, and nothing it does not know', () => {
    expect(createAddressSchema.parse({ id: 'addr-x_1.2', name: '承水花园', point }).id).toBe('addr-x_1.2');
    expect(problems(createAddressSchema.safeParse({ id: 'a/b', name: '承水花园', point }))).toEqual(['id']);
    expect(problems(createAddressSchema.safeParse({ name: '承水花园', point, grid: 'x' }))).toEqual(['(body)']);
  });

  it('wants at least one field in a change, and checks each like a new entry', () => {
    expect(problems(updateAddressSchema.safeParse({}))).toEqual(['(body)']);
    expect(problems(updateAddressSchema.safeParse({ id: 'other' }))).toEqual(['(body)']);
    expect(updateAddressSchema.parse({ active: false })).toEqual({ active: false });
    expect(problems(updateAddressSchema.safeParse({ point: { lat: 100, lng: 117 } }))).toEqual(['point.lat']);
  });

  it('reads the search query from strings', () => {
    expect(searchAddressesSchema.parse({ q: '承水', active: 'false', limit: '10', offset: '20' })).toEqual({ q: '承水', active: false, limit: 10, offset: 20 });
    expect(searchAddressesSchema.parse({})).toEqual({ limit: 50, offset: 0 });
    expect(problems(searchAddressesSchema.safeParse({ active: 'yes', limit: '0' }))).toEqual(['active', 'limit']);
  });
});
