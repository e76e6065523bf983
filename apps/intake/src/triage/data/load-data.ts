import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';

/**
 * Reads one of triage's data files (beside this loader) and checks it against its schema, once,
 * when the module is first imported: a bad file stops intake at boot with the file, the place and
 * what is wrong, instead of misreading requests later.
 */
export function loadDataFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  const path = join(__dirname, file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`Triage data file ${path} cannot be read as JSON: ${(e as Error).message}`);
  }
  return parseData(file, json, schema);
}

/** The check itself, for data already read: each problem with its path in the file. */
export function parseData<S extends z.ZodType>(file: string, json: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top)'}: ${i.message}`);
  throw new Error(`Triage data file ${file} is not valid:\n  ${problems.join('\n  ')}`);
}
