import { Logger } from '@nestjs/common';
import { notFound } from '@fq/domain';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';

/** Request headers passed on to the service; the rest (host, cookies, hop-by-hop) stay here. */
const FORWARD = ['authorization', 'content-type', 'accept', 'accept-language', 'idempotency-key', 'x-request-id'];
/** Response headers passed back to the browser. */
const BACK = ['content-type', 'content-disposition', 'location', 'retry-after', 'x-request-id'];

/** The same-origin way from the console to the services (ADR 0023): `/svc/<name>/<path>`. */
export class ServiceProxy {
  private readonly log = new Logger('ServiceProxy');

  constructor(private readonly targets: Record<string, string>) {}

  async forward(service: string, path: string, req: Request, res: Response): Promise<void> {
    const base = this.targets[service];
    if (!base) throw notFound('SERVICE_UNKNOWN', `There is no service "${service}" behind /svc; known: ${Object.keys(this.targets).join(', ')}.`);
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    const headers: Record<string, string> = { 'x-forwarded-for': req.ip ?? '' };
    for (const h of FORWARD) if (typeof req.headers[h] === 'string') headers[h] = req.headers[h] as string;
    const upstream = await fetch(`${base}/${path}${query}`, { method: req.method, headers, body: bodyOf(req), duplex: 'half' } as RequestInit).catch((e: Error) => {
      this.log.warn(`${req.method} /svc/${service}/${path}: ${e.message}${e.cause ? ` (${String(e.cause)})` : ''}`);
      return undefined;
    });
    if (!upstream) {
      res.status(502).json({ error: { code: 'SERVICE_UNREACHABLE', message: `The ${service} service at ${base} did not answer.` } });
      return;
    }
    res.status(upstream.status);
    for (const h of BACK) {
      const v = upstream.headers.get(h);
      if (v) res.setHeader(h, v);
    }
    res.end(Buffer.from(await upstream.arrayBuffer()));
  }
}

/** A body Nest's parser already read (JSON) goes on re-serialised; an unread one streams on. */
function bodyOf(req: Request): RequestInit['body'] {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  if (req.readableEnded) return req.body === undefined ? undefined : JSON.stringify(req.body);
  return Readable.toWeb(req) as unknown as RequestInit['body'];
}

/** Links the console shows that point outside it. */
export class ConsoleLinks {
  constructor(readonly temporalUi: string) {}
}
