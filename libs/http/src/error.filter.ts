import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger, NotFoundException } from '@nestjs/common';
import { DomainError, ErrorKind } from '@fq/domain';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { allowedMethods } from './allowed-methods';

/** The HTTP status of each kind of domain error: one table for every edge. */
export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Codes for the errors Nest or Express raise before our code runs. */
const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; errorId?: string };
}

/** The one exception filter: every error leaves as `{ error: { code, message } }`. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const allow = isRouteNotFound(exception) ? allowedMethods(http.getRequest<Request>()) : [];
    if (allow.length) {
      const req = http.getRequest<Request>();
      res.setHeader('Allow', allow.join(', '));
      res.status(405).json({ error: { code: HTTP_CODES[405], message: `${req.path} does not take ${req.method}; it takes ${allow.join(', ')}.` } });
      return;
    }
    const [status, body] = this.toBody(exception);
    res.status(status).json(body);
  }

  private toBody(exception: unknown): [number, ErrorBody] {
    if (exception instanceof DomainError) {
      const { code, message, details } = exception;
      return [STATUS_OF_KIND[exception.kind], { error: { code, message, ...(details ? { details } : {}) } }];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const message = describe(exception);
      // Nest turns body-parser's SyntaxError into a bare 400 carrying only the parser's message.
      if (status === 400 && /\bJSON\b/.test(message)) {
        return [status, { error: { code: 'INVALID_JSON', message: `The request body is not valid JSON: ${message}` } }];
      }
      return [status, { error: { code: HTTP_CODES[status] ?? `HTTP_${status}`, message } }];
    }
    if (isBodyParserError(exception)) {
      const code = exception.type === 'entity.parse.failed' ? 'INVALID_JSON' : 'BAD_REQUEST';
      return [exception.status, { error: { code, message: `The request body could not be read: ${exception.message}` } }];
    }
    const errorId = randomUUID();
    this.logger.error(`errorId=${errorId} ${String(exception)}`, (exception as Error)?.stack);
    return [500, { error: { code: 'INTERNAL', message: 'Something went wrong on our side; quote the error id when reporting it.', errorId } }];
  }
}

/** Nest's answer when no route matched the method and path ("Cannot GET /x"). */
const isRouteNotFound = (e: unknown): boolean => e instanceof NotFoundException && /^Cannot [A-Z]+ /.test(e.message);

function describe(e: HttpException): string {
  const r = e.getResponse();
  if (typeof r === 'string') return r;
  const m = (r as { message?: unknown }).message;
  return Array.isArray(m) ? m.join('; ') : typeof m === 'string' ? m : e.message;
}

function isBodyParserError(e: unknown): e is { type: string; status: number; message: string } {
  return typeof e === 'object' && e !== null && 'type' in e && typeof (e as { status?: unknown }).status === 'number';
}
