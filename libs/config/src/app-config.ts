import { ServiceEnv } from './env';

/** The parsed config as a DI token (class token, per house style). */
export class AppConfig {
  constructor(
    readonly service: string,
    readonly env: ServiceEnv,
  ) {}
}
