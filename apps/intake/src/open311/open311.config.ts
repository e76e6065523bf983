import { parseEnv } from '@fq/config';
import { z } from 'zod';

/** The keys third-party clients post with; parsed once when the module starts. */
const keysSchema = z.object({
  OPEN311_API_KEYS: z
    .string()
    .default('fengqiao-demo-open311')
    .transform((s) => s.split(',').map((k) => k.trim()).filter(Boolean)),
});

export class Open311Config {
  readonly apiKeys: ReadonlySet<string>;
  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.apiKeys = new Set(parseEnv(keysSchema, env).OPEN311_API_KEYS);
  }
}
