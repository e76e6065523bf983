import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@fq/auth';
import { DocParam, uuidSchema, ZodQuery } from '@fq/http';
import { z } from 'zod';
import { phoneSchema } from '../shared/request-fields';
import { ResidentsService } from './residents.service';

const findSchema = z.strictObject({ phone: phoneSchema });
const STAFF = ['operator', 'town_centre', 'district_centre', 'supervisor'] as const;

@ApiTags('residents')
@ApiBearerAuth()
@Controller('api/v1/residents')
@Roles(...STAFF)
export class ResidentsController {
  constructor(private readonly residents: ResidentsService) {}

  @Get()
  @ApiOperation({ summary: "A resident's file (一人一档) by phone: cases, ratings, contacts, repeat-requester flag. Numbers are masked." })
  find(@ZodQuery(findSchema) q: z.infer<typeof findSchema>) {
    return this.residents.findByPhone(q.phone);
  }

  @Get(':id')
  @DocParam('id', uuidSchema)
  @ApiOperation({ summary: "A resident's file by id." })
  get(@Param('id') id: string) {
    return this.residents.profile(id);
  }
}
