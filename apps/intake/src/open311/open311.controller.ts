import { Body, Controller, Get, Param, Post, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@fq/auth';
import { DocParam, DocQuery, ErrorContent, openApi, ZodPipe } from '@fq/http';
import { z } from 'zod';
import type { Response } from 'express';
import { Open311Format, splitFormat } from './open311.mapping';
import { Open311ErrorFilter } from './open311.filter';
import { send, sendAs } from './open311.respond';
import { Open311KeyGuard } from './open311-key.guard';
import { ListQuery, PostRequest, listQuerySchema, postRequestSchema } from './open311.schemas';
import { Open311Service } from './open311.service';
import { xmlDocument } from './open311.xml';

/** The format of a collection route (`requests.json`): the same check as for `requests/42.json`. */
const formatOf = (format: string): Open311Format => splitFormat(`x.${format}`).format;

/** GeoReport v2 answers in JSON or XML, named by the path's extension. */
const FORMAT = z.enum(['json', 'xml']);
/** GeoReport v2 errors: a list of { code, description }, in the request's format. */
const OPEN311_ERRORS = {
  'application/json': { schema: openApi(z.array(z.object({ code: z.number().int(), description: z.string() }))) },
  'text/xml': { schema: { type: 'string', description: '<errors><error><code/><description/></error></errors>' } },
};

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2), so that third-party clients built for
 * the standard reach us. Public: reading is open as in the spec, and POST checks its api_key.
 */
@ApiTags('open311')
@Public()
@UseFilters(Open311ErrorFilter)
@ErrorContent(OPEN311_ERRORS)
@Controller('open311/v2')
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  @Get('services.:format')
  @DocParam('format', FORMAT)
  @ApiOperation({ summary: 'GeoReport v2: the services (category sub-items), grouped by class.' })
  async services(@Param('format') format: string, @Res() res: Response) {
    send(res, formatOf(format), 200, await this.open311.list(), 'services', 'service');
  }

  @Get('services/:file')
  @ApiOperation({ summary: 'GeoReport v2: a service definition (no extra attributes).' })
  async definition(@Param('file') file: string, @Res() res: Response) {
    const { name, format } = splitFormat(file);
    const def = await this.open311.definition(name);
    sendAs(res, format, 200, def, () => xmlDocument('service_definition', { service_code: def.service_code, attributes: null }));
  }

  @Post('requests.:format')
  @DocParam('format', FORMAT)
  @ApiOperation({ summary: 'GeoReport v2: post a request (form-urlencoded or JSON, with api_key); registers a case.' })
  @UseGuards(Open311KeyGuard)
  async create(@Param('format') format: string, @Body(new ZodPipe(postRequestSchema)) req: PostRequest, @Body('api_key') key: string, @Res() res: Response) {
    const f = formatOf(format);
    send(res, f, 201, [await this.open311.post(req, key)], 'service_requests', 'request');
  }

  @Get('requests.:format')
  @DocParam('format', FORMAT)
  @ApiOperation({ summary: 'GeoReport v2: requests by id, service, dates or status (last 90 days, at most 200).' })
  @DocQuery(listQuerySchema)
  async requests(@Param('format') format: string, @Query(new ZodPipe(listQuerySchema)) query: ListQuery, @Res() res: Response) {
    const f = formatOf(format);
    const rows = await this.open311.find(query);
    send(res, f, 200, rows, 'service_requests', 'request');
  }

  @Get('requests/:file')
  @ApiOperation({ summary: 'GeoReport v2: one request, as a one-element list.' })
  async request(@Param('file') file: string, @Res() res: Response) {
    const { name, format } = splitFormat(file);
    send(res, format, 200, [await this.open311.one(name)], 'service_requests', 'request');
  }

  @Get('tokens/:file')
  @ApiOperation({ summary: 'GeoReport v2: the request of a token; we register synchronously, so a token is the case number.' })
  async token(@Param('file') file: string, @Res() res: Response) {
    const { name, format } = splitFormat(file);
    const { service_request_id } = await this.open311.one(name);
    send(res, format, 200, [{ service_request_id, token: name }], 'service_requests', 'request');
  }
}
