import { Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@fq/auth';
import { Role } from '@fq/domain';
import { caseNumberSchema, DocParam, ZodBody } from '@fq/http';
import * as wf from '@fq/workflows';
import { z } from 'zod';
import * as s from './case-actions.schemas';
import { CaseActionsService } from './case-actions.service';

/** Who works cases at some level: they act for their own unit (the workflow checks it holds the case). */
const HANDLERS: Role[] = ['grid_worker', 'village_staff', 'town_centre', 'district_centre', 'department_staff', 'department_head'];
/** Who approves extensions: heads and the centres above. */
const APPROVERS: Role[] = ['department_head', 'town_centre', 'district_centre', 'leader'];

@ApiTags('case actions')
@ApiBearerAuth()
@DocParam('number', caseNumberSchema)
@Controller('api/v1/cases/:number')
export class CaseActionsController {
  constructor(private readonly actions: CaseActionsService) {}

  @Get('ladder')
  @ApiOperation({ summary: 'Where the case stands on the ladder: level, unit, deadlines, history.' })
  ladder(@Param('number') number: string) {
    return this.actions.state(number);
  }

  @Post('sign')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Sign for the case (签收) for your unit.' })
  sign(@Param('number') number: string, @CurrentUser() u: Principal) {
    return this.actions.update(number, wf.signUpdate, { by: u.login, unitCode: u.unitCode });
  }

  @Post('return')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Return the case as misrouted (退单), with the reason.' })
  return(@Param('number') number: string, @CurrentUser() u: Principal, @ZodBody(s.reasonSchema) b: z.infer<typeof s.reasonSchema>) {
    return this.actions.update(number, wf.returnUpdate, { by: u.login, unitCode: u.unitCode, reason: b.reason });
  }

  @Post('extensions')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Ask for more time (延期).' })
  extend(@Param('number') number: string, @CurrentUser() u: Principal, @ZodBody(s.extensionSchema) b: z.infer<typeof s.extensionSchema>) {
    return this.actions.update(number, wf.requestExtensionUpdate, { by: u.login, unitCode: u.unitCode, ...b });
  }

  @Post('extensions/decision')
  @HttpCode(200)
  @Roles(...APPROVERS)
  @ApiOperation({ summary: 'Grant or refuse the pending extension.' })
  decide(@Param('number') number: string, @CurrentUser() u: Principal, @ZodBody(s.extensionDecisionSchema) b: z.infer<typeof s.extensionDecisionSchema>) {
    return this.actions.update(number, wf.decideExtensionUpdate, { by: u.login, grant: b.grant });
  }

  @Post('escalate')
  @HttpCode(200)
  @Roles(...HANDLERS, 'leader')
  @ApiOperation({ summary: 'Move the case one level up on purpose (提级), with the reason.' })
  escalate(@Param('number') number: string, @CurrentUser() u: Principal, @ZodBody(s.reasonSchema) b: z.infer<typeof s.reasonSchema>) {
    return this.actions.update(number, wf.escalateUpdate, { by: u.login, reason: b.reason });
  }

  @Post('reply')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Reply with the result; the requester is then asked to rate it.' })
  reply(@Param('number') number: string, @CurrentUser() u: Principal, @ZodBody(s.replySchema) b: z.infer<typeof s.replySchema>) {
    return this.actions.update(number, wf.replyUpdate, { by: u.login, unitCode: u.unitCode, result: b.result });
  }

  @Post('reroute')
  @HttpCode(200)
  @Roles('district_centre', 'town_centre')
  @ApiOperation({ summary: 'Designate the unit for a returned case; it cannot return it again.' })
  reroute(@Param('number') number: string, @CurrentUser() u: Principal, @ZodBody(s.rerouteSchema) b: z.infer<typeof s.rerouteSchema>) {
    return this.actions.update(number, wf.rerouteUpdate, { by: u.login, ...b });
  }

  @Post('conference')
  @HttpCode(200)
  @Roles('district_centre')
  @ApiOperation({ summary: 'Convene the joint conference (街乡吹哨、部门报到) for a case at conference level.' })
  convene(@Param('number') number: string, @CurrentUser() u: Principal, @ZodBody(s.conveneSchema) b: z.infer<typeof s.conveneSchema>) {
    return this.actions.update(number, wf.conveneUpdate, { by: u.login, ...b });
  }

  @Post('supervision')
  @HttpCode(202)
  @Roles('supervisor', 'leader')
  @ApiOperation({ summary: 'Issue a supervision order (督办); it may shorten the current deadline.' })
  async supervise(@Param('number') number: string, @CurrentUser() u: Principal, @ZodBody(s.supervisionSchema) b: z.infer<typeof s.supervisionSchema>) {
    await this.actions.supervise(number, u, b);
    return { accepted: true };
  }
}

@ApiTags('case actions')
@ApiBearerAuth()
@DocParam('number', caseNumberSchema)
@DocParam('round', z.number().int().min(1), 'The conference round, from 1.')
@Controller('api/v1/cases/:number/conference/:round')
export class ConferenceController {
  constructor(private readonly actions: CaseActionsService) {}

  @Get()
  @ApiOperation({ summary: 'The conference: who was called, who reported, the decision.' })
  state(@Param('number') number: string, @Param('round', ParseIntPipe) round: number) {
    return this.actions.conference(number, round).state();
  }

  @Post('reports')
  @HttpCode(200)
  @Roles('department_staff', 'department_head', 'town_centre')
  @ApiOperation({ summary: "Report your department's findings to the conference (部门报到)." })
  report(@Param('number') number: string, @Param('round', ParseIntPipe) round: number, @CurrentUser() u: Principal, @ZodBody(s.reportSchema) b: z.infer<typeof s.reportSchema>) {
    return this.actions.conference(number, round).report(u, b.report);
  }

  @Post('decision')
  @HttpCode(200)
  @Roles('district_centre')
  @ApiOperation({ summary: 'Record the conference decision and the handling units (the first leads).' })
  decide(@Param('number') number: string, @Param('round', ParseIntPipe) round: number, @CurrentUser() u: Principal, @ZodBody(s.decisionSchema) b: z.infer<typeof s.decisionSchema>) {
    return this.actions.conference(number, round).decide(u, b);
  }
}
