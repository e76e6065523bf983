import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@fq/auth';
import { ZodPipe, openApi } from '@fq/http';
import { CasesService } from './cases.service';
import { CreateCase, createCaseSchema } from './dto/create-case.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a request from any channel; answers its case number.' })
  @ApiBody({ schema: openApi(createCaseSchema) })
  register(
    @Body(new ZodPipe(createCaseSchema)) body: CreateCase,
    @CurrentUser() user: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ) {
    return this.cases.register(body, user, correlationId || undefined);
  }

  @Get(':number')
  @ApiOperation({ summary: 'A case: its status, level, handling unit and requester (phone masked).' })
  get(@Param('number') number: string) {
    return this.cases.get(number);
  }
}
