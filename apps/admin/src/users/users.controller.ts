import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@fq/auth';
import { ROLES } from '@fq/domain';
import { ZodResponse } from '@fq/http';
import { z } from 'zod';

const principalSchema = z.object({ login: z.string(), name: z.string(), roles: z.array(z.enum(ROLES)), unitCode: z.string() });

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  @Get('me')
  @ApiOperation({ summary: 'Who the bearer token belongs to.' })
  @ZodResponse(200, principalSchema)
  me(@CurrentUser() user: Principal) {
    return user;
  }
}
