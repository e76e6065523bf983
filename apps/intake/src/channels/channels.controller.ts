import { Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Public, Roles } from '@fq/auth';
import { DocParam, RateLimit, uuidSchema, ZodBody, ZodQuery, ZodResponse } from '@fq/http';
import type { Response } from 'express';
import { IntakeResult } from '../intake/intake-request';
import { withIdempotencyKey } from '../intake/idempotency';
import { IntakeService } from '../intake/intake.service';
import { fromHotline, fromPatrol, fromPetition, fromWeb } from './channel.mapping';
import {
  AlertCase,
  AlertDismissal,
  AlertList,
  HotlineCall,
  OpinionItem,
  PatrolReport,
  Petition,
  WebReport,
  alertCaseSchema,
  alertDismissalSchema,
  alertListSchema,
  hotlineCallSchema,
  opinionItemSchema,
  patrolReportSchema,
  petitionSchema,
  webReportSchema,
} from './channel.schemas';
import { OpinionAlertsService } from './opinion-alerts.service';
import { OpinionService } from './opinion.service';

/** Staff who decide what an opinion alert becomes: the centres that triage, and the hotline operators. */
const ALERT_HANDLERS = ['district_centre', 'town_centre', 'operator'] as const;

/** A repeat linked to an open case creates nothing: 200 instead of 201. */
const answer = (res: Response, r: IntakeResult) => {
  res.status(r.disposition === 'linked' ? 200 : 201);
  return r;
};

/** One entry per channel; all of them end in the same intake (一平台统一受理). */
@ApiTags('channels')
@Controller('api/v1/channels')
export class ChannelsController {
  constructor(
    private readonly intake: IntakeService,
    private readonly opinion: OpinionService,
    private readonly alerts: OpinionAlertsService,
  ) {}

  @Post('hotline')
  @ApiBearerAuth()
  @Roles('operator', 'district_centre')
  @ApiOperation({ summary: '12345 hotline call: register it, or close it on the spot with an outcome (answered, court, arbitration, emergency 110/119/120, illegal).' })
  @ZodResponse(201, null, 'Registered as a new case (or closed on the spot with its outcome).')
  @ZodResponse(200, null, 'Linked: the same matter is already open, so the request joined that case (重复件) instead of opening another.')
  async hotline(@ZodBody(hotlineCallSchema) b: HotlineCall, @CurrentUser() u: Principal, @Res({ passthrough: true }) res: Response, @Headers('x-correlation-id') cid?: string) {
    return answer(res, await this.intake.accept(fromHotline(b), u, cid || undefined));
  }

  @Post('web')
  @Public()
  @RateLimit('web-form')
  @ApiOperation({ summary: '"我要报事" from the web page or mini program (QR code). No account: the answer carries the case number and a query code.' })
  @ZodResponse(201, null, 'Registered as a new case (or closed on the spot with its outcome).')
  @ZodResponse(200, null, 'Linked: the same matter is already open, so the request joined that case (重复件) instead of opening another.')
  async web(@ZodBody(webReportSchema) b: WebReport, @Res({ passthrough: true }) res: Response, @Headers('idempotency-key') key?: string) {
    return answer(res, await this.intake.accept(withIdempotencyKey(fromWeb(b), 'public-web', key), { login: 'public-web' }));
  }

  @Post('petition')
  @ApiBearerAuth()
  @Roles('town_centre', 'district_centre', 'department_staff', 'operator')
  @ApiOperation({ summary: 'Walk-in petition window (信访窗口): petitioners with ID numbers, visitors, matter, demands, bodies raised with before.' })
  @ZodResponse(201, null, 'Registered as a new case (or closed on the spot with its outcome).')
  @ZodResponse(200, null, 'Linked: the same matter is already open, so the request joined that case (重复件) instead of opening another.')
  async petition(@ZodBody(petitionSchema) b: Petition, @CurrentUser() u: Principal, @Res({ passthrough: true }) res: Response) {
    return answer(res, await this.intake.accept(fromPetition(b), u));
  }

  @Post('patrol')
  @ApiBearerAuth()
  @Roles('grid_worker')
  @ApiOperation({ summary: "A grid worker's patrol report: photos, coordinates, what was found; or solved on the spot." })
  @ZodResponse(201, null, 'Registered as a new case (or closed on the spot with its outcome).')
  @ZodResponse(200, null, 'Linked: the same matter is already open, so the request joined that case (重复件) instead of opening another.')
  async patrol(@ZodBody(patrolReportSchema) b: PatrolReport, @CurrentUser() u: Principal, @Res({ passthrough: true }) res: Response) {
    return answer(res, await this.intake.accept(fromPatrol(b, u), u));
  }

  @Post('opinion')
  @HttpCode(201)
  @ApiBearerAuth()
  @Roles('district_centre', 'town_centre')
  @ApiOperation({ summary: 'A public-opinion item (舆情): a case when it names a matter to handle, else an alert (flagged when it must go upward).' })
  opinionItem(@ZodBody(opinionItemSchema) b: OpinionItem, @CurrentUser() u: Principal) {
    return this.opinion.receive(b, u);
  }

  @Get('opinion/alerts')
  @ApiBearerAuth()
  @Roles('district_centre', 'town_centre', 'leader', 'supervisor')
  @ApiOperation({ summary: 'Public-opinion alerts in a state (open by default, or converted, dismissed, all), paged (limit, offset, total); open ones to report upward first.' })
  listAlerts(@ZodQuery(alertListSchema) q: AlertList) {
    return this.alerts.list(q);
  }

  @Post('opinion/alerts/:id/case')
  @DocParam('id', uuidSchema)
  @HttpCode(201)
  @ApiBearerAuth()
  @Roles(...ALERT_HANDLERS)
  @ApiOperation({ summary: "Convert an open alert into a case: the dispatcher's category and place, the alert's text and link. 409 ALERT_ALREADY_HANDLED once converted or dismissed." })
  convertAlert(@Param('id') id: string, @ZodBody(alertCaseSchema) b: AlertCase, @CurrentUser() u: Principal) {
    return this.alerts.convert(id, b, u);
  }

  @Post('opinion/alerts/:id/dismiss')
  @DocParam('id', uuidSchema)
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles(...ALERT_HANDLERS)
  @ApiOperation({ summary: 'Dismiss an open alert with the reason (已核实不实, 与本辖区无关, ...). 409 ALERT_ALREADY_HANDLED once converted or dismissed.' })
  dismissAlert(@Param('id') id: string, @ZodBody(alertDismissalSchema) b: AlertDismissal, @CurrentUser() u: Principal) {
    return this.alerts.dismiss(id, b.reason, u);
  }
}
