import { INestApplication, LogLevel, Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@fq/config';
import { finishDocument } from './contract';
import { ErrorFilter } from './error.filter';
import { MaskingLogger } from './masking-logger';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Applies what every service shares: the error filter, shutdown hooks, the OpenAPI document at /api/docs (JSON at /api/docs-json). */
export function configureApp(app: INestApplication, title: string): void {
  // The client address behind the proxies we trust (rate limits key on it).
  app.getHttpAdapter().getInstance().set('trust proxy', app.get(AppConfig).env.TRUST_PROXY);
  app.useGlobalFilters(new ErrorFilter());
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle(`Fengqiao ${title}`)
    .setDescription(`The ${title} service of Fengqiao. Errors answer { error: { code, message, details? } } with a stable code.`)
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => finishDocument(SwaggerModule.createDocument(app, doc)));
}

/** Creates, configures and starts a service; the port and host come from its parsed config. */
export async function bootstrapService(module: Type<unknown>, title: string): Promise<INestApplication> {
  const app = await NestFactory.create(module, { bufferLogs: false, logger: new MaskingLogger() });
  const config = app.get(AppConfig);
  app.useLogger(new MaskingLogger({ logLevels: LEVELS.slice(0, LEVELS.indexOf(config.env.LOG_LEVEL) + 1) }));
  configureApp(app, title);
  await app.listen(config.env.PORT, config.env.HOST);
  new Logger(title).log(`listening on http://${config.env.HOST}:${config.env.PORT} (docs at /api/docs)`);
  return app;
}
