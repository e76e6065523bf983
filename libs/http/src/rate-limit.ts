import { CallHandler, CanActivate, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseGuards, UseInterceptors, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { DomainError } from '@fq/domain';
import type { Request, Response } from 'express';
import { Observable, catchError, finalize, throwError } from 'rxjs';
import type { RateLimitPolicy } from '@fq/config';
import { RateLimits } from './rate-limit.policies';
import { clientKey } from './token-buckets';

/*
 * Rate limits for what anyone may call without an account (policies in rate-limit.policies.ts).
 *
 * The client is Express's `req.ip`: behind a reverse proxy or an Ingress, the address the proxy
 * forwards, if TRUST_PROXY (configureApp sets Express's `trust proxy`) names that proxy; else
 * every client shares the proxy's budget. The buckets live in this process's memory.
 */

/**
 * A refused request: 429 RATE_LIMITED with `details.retryAfterSeconds`, and the same in a
 * Retry-After header on the response (the global error filter writes the body).
 */
function refuse(ctx: ExecutionContext, retryAfterMs: number, what: string): DomainError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  ctx.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
  return new DomainError('rate_limited', 'RATE_LIMITED', `${what}; try again in ${seconds} s.`, { retryAfterSeconds: seconds });
}

const POLICY = 'fq:rate-limit';
const FAILURES = 'fq:rate-limit-failures';

/** Takes one token of the route's policy for the client address. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    const policy = this.reflector.get<RateLimitPolicy | undefined>(POLICY, ctx.getHandler());
    if (!policy) return true;
    const taken = this.limits.take(policy, clientKey(ctx.switchToHttp().getRequest<Request>().ip));
    if (!taken.allowed) throw refuse(ctx, taken.retryAfterMs, 'Too many requests from your address');
    return true;
  }
}

export interface FailureLimit {
  policy: RateLimitPolicy;
  /** The route parameter the budget belongs to, e.g. the case number. */
  param: string;
  /** Values of the parameter worth counting; others are left to the handler (keeps junk keys out of memory). */
  pattern?: RegExp;
  /** The domain error codes that count as a failure, e.g. CASE_NOT_FOUND for a wrong query code. */
  codes: string[];
  /** What the refusal says, e.g. "Too many wrong query codes for this case number". */
  refusal: string;
}

/**
 * Counts failed attempts per route parameter, whoever makes them. A token is taken before the
 * handler runs (so concurrent attempts cannot overrun the budget) and given back unless the
 * handler fails with one of the counted codes.
 */
@Injectable()
export class FailureLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const limit = this.reflector.get<FailureLimit | undefined>(FAILURES, ctx.getHandler());
    const key = limit && String(ctx.switchToHttp().getRequest<Request>().params[limit.param] ?? '');
    if (!limit || key === undefined || (limit.pattern && !limit.pattern.test(key))) return next.handle();
    const taken = this.limits.take(limit.policy, key);
    if (!taken.allowed) return throwError(() => refuse(ctx, taken.retryAfterMs, limit.refusal));
    let failed = false;
    return next.handle().pipe(
      catchError((e: unknown) => {
        failed = e instanceof DomainError && limit.codes.includes(e.code);
        return throwError(() => e);
      }),
      finalize(() => {
        if (!failed) this.limits.refund(limit.policy, key);
      }),
    );
  }
}

const answers429 = (description: string) => ApiTooManyRequestsResponse({ description: `RATE_LIMITED (${description}), with a Retry-After header` });

/** Limits a route per client address by the named policy: `@RateLimit('web-form')`. */
export const RateLimit = (policy: RateLimitPolicy) =>
  applyDecorators(SetMetadata(POLICY, policy), UseGuards(RateLimitGuard), answers429(`policy ${policy}, per client address`));

/** Limits failed attempts per route parameter: `@RateLimitFailures({ policy: 'wrong-code', param: 'number', ... })`. */
export const RateLimitFailures = (limit: FailureLimit) =>
  applyDecorators(SetMetadata(FAILURES, limit), UseInterceptors(FailureLimitInterceptor), answers429(`policy ${limit.policy}, per ${limit.param}`));
