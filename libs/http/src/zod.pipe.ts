import { PipeTransform } from '@nestjs/common';
import { invalid } from '@fq/domain';
import { z } from 'zod';

/** Paths of the strings in `value` that hold a NUL character (PostgreSQL cannot store one in text). */
function nulPaths(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path.join('.') || '(body)'] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulPaths(v, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nulPaths(v, [...path, k]));
  return [];
}

/**
 * Validates a body or query against a zod schema; failures become VALIDATION_FAILED with each
 * field named. Text with a NUL character is refused for every schema, since no column can keep it.
 */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const nul = nulPaths(value);
    if (nul.length) {
      const fields = nul.map((field) => ({ field, problem: 'must not contain the NUL character (\\u0000)' }));
      throw invalid('VALIDATION_FAILED', `The request is not valid: ${fields.map((f) => `${f.field}: ${f.problem}`).join('; ')}`, { fields });
    }
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    const fields = result.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', problem: i.message }));
    const summary = fields.map((f) => `${f.field}: ${f.problem}`).join('; ');
    throw invalid('VALIDATION_FAILED', `The request is not valid: ${summary}`, { fields });
  }
}
