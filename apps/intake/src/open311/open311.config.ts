import { open311EnvSchema, parseEnv } from '@fq/config';

/** The keys third-party clients post with; parsed once when the module starts (schema in libs/config). */
export class Open311Config {
  readonly apiKeys: ReadonlySet<string>;
  constructor(env?: NodeJS.ProcessEnv) {
    this.apiKeys = new Set(parseEnv(open311EnvSchema, env).OPEN311_API_KEYS);
  }
}
