import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public, signToken } from '@fq/auth';
import { AppConfig } from '@fq/config';
import { DomainError, notFound } from '@fq/domain';
import { ZodPipe, openApi } from '@fq/http';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { AppUser } from '../users/user.entity';

/** The one password of every demo login until issue 10's real login lands (ADR 0024). */
export const DEV_PASSWORD = 'fengqiao';

const loginBody = z.strictObject({ login: z.string().trim().min(1).max(100), password: z.string().max(200) });

/**
 * Development login (ADR 0024): the same token `npm run token` prints, for a seeded active user
 * and the demo password. Absent (404) when NODE_ENV=production.
 */
@ApiTags('development')
@Public()
@Controller('api/v1/dev')
export class DevLoginController {
  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Development only (404 in production): a bearer token for a demo login and the demo password.' })
  @ApiBody({ schema: openApi(loginBody) })
  async login(@Body(new ZodPipe(loginBody)) body: z.infer<typeof loginBody>) {
    if (process.env.NODE_ENV === 'production') throw notFound('NOT_FOUND', 'Cannot POST /api/v1/dev/login');
    const user = await this.ds.getRepository(AppUser).findOneBy({ login: body.login, active: true });
    if (!user || body.password !== DEV_PASSWORD) throw new DomainError('unauthenticated', 'LOGIN_FAILED', '用户名或密码不正确 (the login is unknown or the password is wrong).');
    const principal = { login: user.login, name: user.name, roles: user.roles, unitCode: user.unitCode };
    return { token: signToken(principal, this.config.env.JWT_SECRET), user: principal };
  }
}
