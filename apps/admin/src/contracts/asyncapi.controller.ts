import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@fq/auth';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** docs/asyncapi.yaml, generated from the event catalogue by `npm run asyncapi`. */
const ASYNCAPI_PATH = join(__dirname, '..', '..', '..', '..', 'docs', 'asyncapi.yaml');

/** The event contract for other departments' teams: every topic, key, envelope and payload. */
@ApiTags('contracts')
@Public()
@Controller('api')
export class AsyncApiController {
  private document?: string;

  @Get('asyncapi.yaml')
  @Header('Content-Type', 'application/yaml; charset=utf-8')
  @ApiOperation({ summary: 'The AsyncAPI 3 document of every Kafka topic and event (no token needed).' })
  @ApiOkResponse({ description: 'The document, as YAML.', content: { 'application/yaml': { schema: { type: 'object', description: 'An AsyncAPI 3.0 document.' } } } })
  asyncApi(): string {
    this.document ??= readFileSync(ASYNCAPI_PATH, 'utf8');
    return this.document;
  }
}
