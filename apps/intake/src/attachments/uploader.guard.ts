import { CanActivate, ExecutionContext, Injectable, createParamDecorator } from '@nestjs/common';
import { verifyToken } from '@fq/auth';
import { AppConfig } from '@fq/config';
import type { Request } from 'express';

type UploadRequest = Request & { uploader?: string };

/**
 * On a public route, still learns who is calling when a bearer token is sent: its login, else
 * `public`. A token that is sent but invalid is refused (TOKEN_INVALID) rather than ignored, and
 * before the body is read, since guards run before interceptors.
 */
@Injectable()
export class UploaderGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<UploadRequest>();
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    req.uploader = scheme === 'Bearer' && token ? verifyToken(token, this.config.env.JWT_SECRET).login : 'public';
    return true;
  }
}

/** The uploader UploaderGuard found. */
export const Uploader = createParamDecorator((_: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest<UploadRequest>().uploader ?? 'public');
