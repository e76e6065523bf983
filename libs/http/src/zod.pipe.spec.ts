import { DomainError } from '@fq/domain';
import { z } from 'zod';
import { ZodPipe } from './zod.pipe';

describe('ZodPipe', () => {
  const pipe = new ZodPipe(z.strictObject({ title: z.string().min(2), location: z.object({ lat: z.number() }) }));

  it('passes a valid value through, parsed', () => {
    expect(pipe.transform({ title: 'ok', location: { lat: 1 } })).toEqual({ title: 'ok', location: { lat: 1 } });
  });

  it('fails with VALIDATION_FAILED naming each field', () => {
    let error: DomainError | undefined;
    try {
      pipe.transform({ title: 'x', location: { lat: 'north' }, extra: 1 });
    } catch (e) {
      error = e as DomainError;
    }
    expect(error?.code).toBe('VALIDATION_FAILED');
    expect(error?.kind).toBe('invalid');
    const fields = (error?.details as { fields: { field: string }[] }).fields.map((f) => f.field).sort();
    expect(fields).toEqual(['(body)', 'location.lat', 'title']);
  });

  it('refuses text holding a NUL character, which PostgreSQL cannot store, naming the field', () => {
    let error: DomainError | undefined;
    try {
      pipe.transform({ title: 'a\u0000b', location: { lat: 1 } });
    } catch (e) {
      error = e as DomainError;
    }
    expect(error?.code).toBe('VALIDATION_FAILED');
    expect((error?.details as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['title']);
  });
});
