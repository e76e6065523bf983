import { Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@fq/auth';
import { ZodBody } from '@fq/http';
import { DispatchService } from './dispatch.service';
import { ReplaceCatalogue, replaceCatalogueSchema } from './dispatch.schemas';

/** The dispatch catalogue (派单目录): where a case starts by category, town and size, and who takes it. */
@ApiTags('dispatch')
@ApiBearerAuth()
@Controller('api/v1/dispatch/catalogue')
export class DispatchController {
  constructor(private readonly dispatch: DispatchService) {}

  @Get()
  @ApiOperation({ summary: 'The catalogue in force: its version, entries, who stored it and when.' })
  get() {
    return this.dispatch.get();
  }

  @Put()
  @Roles('admin')
  @ApiOperation({
    summary:
      'Replace the whole catalogue with a new version (400 DISPATCH_UNKNOWN_CATEGORY, DISPATCH_DEPARTMENT_MATTER_PUSHED_DOWN, ...; 409 DISPATCH_CATALOGUE_VERSION_CONFLICT); audited, announced as dispatch.catalogue.defined.',
  })
  replace(@ZodBody(replaceCatalogueSchema) body: ReplaceCatalogue, @CurrentUser() user: Principal) {
    return this.dispatch.replace(body, user);
  }
}
