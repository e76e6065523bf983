import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { DomainError } from '@fq/domain';
import type { Request } from 'express';
import { Open311Config } from './open311.config';

/** POST checks the client's api_key before its fields (a guard runs before the body's pipe), as GeoReport v2 answers 403 first. */
@Injectable()
export class Open311KeyGuard implements CanActivate {
  constructor(private readonly config: Open311Config) {}

  canActivate(ctx: ExecutionContext): boolean {
    const body: unknown = ctx.switchToHttp().getRequest<Request>().body;
    const given = body && typeof body === 'object' ? (body as Record<string, unknown>).api_key : undefined;
    const key = typeof given === 'string' ? given : '';
    if (!this.config.apiKeys.has(key)) {
      throw new DomainError('forbidden', 'OPEN311_API_KEY_INVALID', key ? 'The api_key is not valid.' : 'Send your api_key with the request.');
    }
    return true;
  }
}
