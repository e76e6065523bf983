import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal } from '@fq/auth';
import { ZodQuery } from '@fq/http';
import { z } from 'zod';
import { WorkOrdersService } from './work-orders.service';

const listQuery = z.strictObject({
  unit: z.string().trim().min(1).max(40).optional(),
  status: z.enum(['open', 'closed']).optional(),
});

@ApiTags('work-orders')
@ApiBearerAuth()
@Controller('api/v1/work-orders')
export class WorkOrdersController {
  constructor(private readonly orders: WorkOrdersService) {}

  @Get()
  @ApiOperation({ summary: "A unit's work orders (default: the caller's own unit), newest first." })
  async list(@ZodQuery(listQuery) q: z.infer<typeof listQuery>, @CurrentUser() user: Principal) {
    const orders = await this.orders.list(user, q.unit, q.status);
    return { items: orders.map((o) => ({ ...o, createdAt: o.createdAt.toISOString(), signBy: o.signBy?.toISOString() ?? null, resolveBy: o.resolveBy?.toISOString() ?? null })) };
  }
}
