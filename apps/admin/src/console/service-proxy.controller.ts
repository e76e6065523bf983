import { All, Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@fq/auth';
import type { Request, Response } from 'express';
import { ConsoleLinks, ServiceProxy } from './service-proxy';

/**
 * `/svc/<service>/<path>` → that service, so the console stays same-origin (ADR 0023). Public
 * here: the token travels on and each service checks it.
 */
@ApiExcludeController()
@Public()
@Controller('svc')
export class ServiceProxyController {
  constructor(
    private readonly proxy: ServiceProxy,
    private readonly links: ConsoleLinks,
  ) {}

  @Get('links')
  linksOf() {
    return { temporalUi: this.links.temporalUi };
  }

  @All(':service/*path')
  forward(@Param('service') service: string, @Param('path') path: string | string[], @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.proxy.forward(service, Array.isArray(path) ? path.join('/') : path, req, res);
  }
}
