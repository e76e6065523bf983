import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@fq/auth';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  @Get('me')
  @ApiOperation({ summary: 'Who the bearer token belongs to.' })
  me(@CurrentUser() user: Principal) {
    return user;
  }
}
