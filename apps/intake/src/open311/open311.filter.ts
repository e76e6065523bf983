import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError } from '@fq/domain';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { STATUS_OF_KIND } from '@fq/http';
import { send } from './open311.respond';

/**
 * Open311 clients parse `[{ code, description }]` (or `<errors>`), not our `{ error }` body, so
 * the Open311 controller answers errors in that form; the statuses are the global filter's.
 * Our stable code leads the description, so logs and support still speak the same words.
 */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const [status, description] = this.describe(exception);
    const format = req.path.endsWith('.xml') ? 'xml' : 'json';
    send(http.getResponse<Response>(), format, status, [{ code: status, description }], 'errors', 'error');
  }

  private describe(e: unknown): [number, string] {
    if (e instanceof DomainError) return [STATUS_OF_KIND[e.kind], `${e.code}: ${e.message}`];
    if (e instanceof HttpException) return [e.getStatus(), e.message];
    if (isBodyParserError(e)) return [e.status, `The request body could not be read: ${e.message}`];
    const errorId = randomUUID();
    this.logger.error(`errorId=${errorId} ${String(e)}`, (e as Error)?.stack);
    return [500, `INTERNAL: something went wrong on our side; quote error id ${errorId} when reporting it.`];
  }
}

function isBodyParserError(e: unknown): e is { type: string; status: number; message: string } {
  return typeof e === 'object' && e !== null && 'type' in e && typeof (e as { status?: unknown }).status === 'number';
}
