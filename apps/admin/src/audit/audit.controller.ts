import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Roles } from '@fq/auth';
import { ZodQuery, ZodResponse } from '@fq/http';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { AuditEntry } from './audit.entity';

const query = z.strictObject({
  subject: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const entrySchema = z.object({ id: z.string(), at: z.string().datetime({ offset: true }), actor: z.string(), action: z.string(), subject: z.string(), details: z.record(z.string(), z.unknown()) });

@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin', 'supervisor')
@Controller('api/v1/audit')
export class AuditController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first (filter by subject).' })
  @ZodResponse(200, z.object({ items: z.array(entrySchema) }))
  async list(@ZodQuery(query) q: z.infer<typeof query>) {
    const items = await this.ds.getRepository(AuditEntry).find({ where: q.subject ? { subject: q.subject } : {}, order: { id: 'DESC' }, take: q.limit });
    return { items };
  }
}
