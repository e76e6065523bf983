import { PipeTransform } from '@nestjs/common';
import { invalid } from '@fq/domain';
import { z } from 'zod';

/** Validates a body or query against a zod schema; failures become VALIDATION_FAILED with each field named. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    const fields = result.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', problem: i.message }));
    const summary = fields.map((f) => `${f.field}: ${f.problem}`).join('; ');
    throw invalid('VALIDATION_FAILED', `The request is not valid: ${summary}`, { fields });
  }
}
