import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@fq/auth';
import type { Response } from 'express';
import { join } from 'node:path';

const WEB_ROOT = join(__dirname, '..', '..', 'web');

/** Serves the web console (apps/admin/web). */
@ApiExcludeController()
@Public()
@Controller()
export class ConsoleController {
  @Get()
  index(@Res() res: Response): void {
    res.sendFile(join(WEB_ROOT, 'index.html'));
  }
}
