import { CanActivate, ExecutionContext, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppConfig } from '@fq/config';
import { DomainError, Role } from '@fq/domain';
import type { Request } from 'express';
import { Principal, verifyToken } from './token';

const PUBLIC = 'fq:public';
const ROLES_KEY = 'fq:roles';

/** Marks a route that needs no token (health, docs, a resident's look-up by query code). */
export const Public = () => SetMetadata(PUBLIC, true);
/** Restricts a route to users holding at least one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

type AuthedRequest = Request & { principal?: Principal };

/** Global guard: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new DomainError('unauthenticated', 'TOKEN_MISSING', 'Send a bearer token: Authorization: Bearer <token> (npm run token -- <login>).');
    }
    const principal = verifyToken(token, this.config.env.JWT_SECRET);
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (allowed && !principal.roles.some((r) => allowed.includes(r))) {
      throw new DomainError('forbidden', 'ROLE_REQUIRED', `This action needs one of the roles: ${allowed.join(', ')}.`);
    }
    req.principal = principal;
    return true;
  }
}

/** The verified caller of the current request. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthedRequest>().principal;
  if (!principal) throw new DomainError('unauthenticated', 'TOKEN_MISSING', 'This route needs a bearer token.');
  return principal;
});
