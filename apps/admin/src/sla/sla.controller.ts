import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@fq/auth';
import { DocParam, uuidSchema, ZodBody, ZodQuery } from '@fq/http';
import { z } from 'zod';
import { activateSchema, createRuleSetSchema, listQuery, resolveSchema } from './sla.schemas';
import { SlaApplyService } from './sla-apply.service';
import { SlaService } from './sla.service';

/** SLA rule sets: versions are drafted, validated, activated from an instant, never edited. */
@ApiTags('sla')
@ApiBearerAuth()
@Controller('api/v1/sla')
export class SlaController {
  constructor(
    private readonly sla: SlaService,
    private readonly applier: SlaApplyService,
  ) {}

  @Get('rule-sets/:id/apply-preview')
  @DocParam('id', uuidSchema)
  @Roles('admin')
  @ApiOperation({ summary: 'Which running cases this version would change, and how each deadline moves (time spent is kept).' })
  preview(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.applier.preview(id);
  }

  @Post('rule-sets/:id/apply')
  @DocParam('id', uuidSchema)
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Apply this (active) version to the running cases the preview lists: signals their workflows; audited.' })
  apply(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: Principal) {
    return this.applier.apply(id, user);
  }

  @Get('presets')
  @ApiOperation({ summary: 'The shipped rule sets (三三制, 北京12345, 信访工作条例, 15-15-15) to start a version from.' })
  presets() {
    return { items: this.sla.presets() };
  }

  @Post('rule-sets')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Store the next version of a named rule set as a draft, from rules or a preset (400 SLA_RULE_OVERLAP, SLA_RULE_INVALID, ...).' })
  create(@ZodBody(createRuleSetSchema) body: z.infer<typeof createRuleSetSchema>, @CurrentUser() user: Principal) {
    return this.sla.create(body, user);
  }

  @Get('rule-sets')
  @ApiOperation({ summary: 'Rule-set versions, newest first (filter by name and status).' })
  async list(@ZodQuery(listQuery) q: z.infer<typeof listQuery>) {
    return { items: await this.sla.list(q) };
  }

  @Get('rule-sets/:id')
  @DocParam('id', uuidSchema)
  @ApiOperation({ summary: 'One rule-set version with its rules and whether it is in force.' })
  get(@Param('id') id: string) {
    return this.sla.get(id);
  }

  @Post('rule-sets/:id/activate')
  @DocParam('id', uuidSchema)
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Put a draft in force from activeFrom (default now, never in the past); running levels keep their version.' })
  activate(@Param('id') id: string, @ZodBody(activateSchema, { required: false }) body: z.infer<typeof activateSchema>, @CurrentUser() user: Principal) {
    return this.sla.activate(id, body.activeFrom, user);
  }

  @Post('resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'The rule a case with these facts gets from the set in force at `at` (default now).' })
  async resolve(@ZodBody(resolveSchema) body: z.infer<typeof resolveSchema>) {
    const { at, ...facts } = body;
    return this.sla.resolveRule(facts, at);
  }
}
