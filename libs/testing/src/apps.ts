import { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { signToken } from '@fq/auth';
import { AppConfig } from '@fq/config';
import { Role } from '@fq/domain';
import { MaskingLogger, configureApp } from '@fq/http';

export interface RunningApp {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/** Starts a service's root module in this process on a free port, configured as in production. */
export async function startApp(module: Type<unknown>): Promise<RunningApp> {
  const ref = await Test.createTestingModule({ imports: [module] }).compile();
  const app = ref.createNestApplication({ logger: new MaskingLogger({ logLevels: ['error', 'warn'] }) });
  configureApp(app, 'test');
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

/** A bearer token as `npm run token` would sign it, for a user with these roles and unit. */
export function tokenFor(app: RunningApp, login: string, roles: Role[], unitCode: string): string {
  return signToken({ login, name: login, roles, unitCode }, app.app.get(AppConfig).env.JWT_SECRET);
}

/** Polls `probe` until it returns a value (not undefined) or the time is up. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${(lastError as Error).message})` : ''}`);
}

/** JSON over HTTP with a bearer token. */
export async function api(url: string, token: string | undefined, init: { method?: string; body?: unknown; rawBody?: string } = {}) {
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined && init.rawBody === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
