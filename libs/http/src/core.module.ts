import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, parseEnv, rateLimitConfig, serviceEnvSchema } from '@fq/config';
import { HealthController, HealthRegistry } from './health';
import { RateLimits } from './rate-limit.policies';

/** Config parsed once at boot, the health registry and its endpoint: what every service has. */
@Global()
@Module({})
export class CoreModule {
  static forService(service: string, defaultPort: number, env?: NodeJS.ProcessEnv): DynamicModule {
    const config = new AppConfig(service, parseEnv(serviceEnvSchema(defaultPort), env));
    return {
      module: CoreModule,
      controllers: [HealthController],
      providers: [{ provide: AppConfig, useValue: config }, HealthRegistry, { provide: RateLimits, useFactory: () => new RateLimits(rateLimitConfig(env)) }],
      exports: [AppConfig, HealthRegistry, RateLimits],
    };
  }
}
