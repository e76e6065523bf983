import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@fq/auth';
import { ZodQuery, ZodResponse } from '@fq/http';
import { LEVELS } from '@fq/domain';
import { z } from 'zod';
import { WorkOrdersService } from './work-orders.service';

const listQuery = z.strictObject({
  unit: z.string().trim().min(1).max(40).optional(),
  status: z.enum(['open', 'closed']).optional(),
});

const at = z.string().datetime({ offset: true });
const workOrderSchema = z.object({
  id: z.string().uuid(),
  caseNumber: z.string(),
  level: z.enum(LEVELS),
  round: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  title: z.string(),
  status: z.enum(['open', 'signed', 'replied', 'escalated', 'returned', 'withdrawn', 'closed', 'reopened']).describe('open, or how the work order moved on.'),
  createdAt: at,
  signBy: at.nullable(),
  resolveBy: at.nullable(),
});

@ApiTags('work-orders')
@ApiBearerAuth()
@Controller('api/v1/work-orders')
export class WorkOrdersController {
  constructor(private readonly orders: WorkOrdersService) {}

  @Get()
  @ApiOperation({ summary: "A unit's work orders (default: the caller's own unit), newest first." })
  @ZodResponse(200, z.object({ items: z.array(workOrderSchema) }))
  async list(@ZodQuery(listQuery) q: z.infer<typeof listQuery>, @CurrentUser() user: Principal) {
    const orders = await this.orders.list(user, q.unit, q.status);
    return { items: orders.map((o) => ({ ...o, createdAt: o.createdAt.toISOString(), signBy: o.signBy?.toISOString() ?? null, resolveBy: o.resolveBy?.toISOString() ?? null })) };
  }
}
