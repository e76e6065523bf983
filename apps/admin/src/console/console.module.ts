import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { parseEnv, proxiedServices, serviceUrlsSchema } from '@fq/config';
import { ConsoleLinks, ServiceProxy } from './service-proxy';
import { DevLoginController } from './dev-login.controller';
import { serveConsole } from './console.static';
import { ServiceProxyController } from './service-proxy.controller';

/**
 * The web console (apps/admin/web/dist) at `/` with client routes falling back to index.html,
 * the same-origin proxy to the other services (ADR 0023) and the development login (ADR 0024).
 */
@Module({
  controllers: [ServiceProxyController, DevLoginController],
  providers: [
    {
      provide: ServiceProxy,
      // Read when the app is created, not when the module is imported: tests start the services first.
      useFactory: () => new ServiceProxy(proxiedServices(parseEnv(serviceUrlsSchema))),
    },
    { provide: ConsoleLinks, useFactory: () => new ConsoleLinks(parseEnv(serviceUrlsSchema).TEMPORAL_UI_URL) },
  ],
})
export class ConsoleModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(serveConsole).forRoutes('*');
  }
}
