import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { ZodQuery, ZodResponse } from '@fq/http';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { Grid, OrgUnit } from './org.entities';

const unitSchema = z.object({ code: z.string(), name: z.string(), kind: z.enum(['district', 'town', 'village', 'grid', 'department']), parentCode: z.string().nullable() });
const gridsSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      properties: z.object({ code: z.string(), name: z.string(), kind: z.enum(['base', 'special']), villageCode: z.string(), townCode: z.string() }),
      geometry: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.array(z.number()))) }),
    }),
  ),
});
const unitsQuery = z.strictObject({ kind: z.enum(['district', 'town', 'village', 'grid', 'department']).optional() });

@ApiTags('org')
@ApiBearerAuth()
@Controller('api/v1')
export class OrgController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Get('org/units')
  @ApiOperation({ summary: 'The org tree as a flat list (filter by kind).' })
  @ZodResponse(200, z.object({ items: z.array(unitSchema) }))
  async units(@ZodQuery(unitsQuery) q: z.infer<typeof unitsQuery>) {
    return { items: await this.ds.getRepository(OrgUnit).find({ where: q.kind ? { kind: q.kind } : {}, order: { code: 'ASC' } }) };
  }

  @Get('org/grids')
  @ApiOperation({ summary: 'Grid boundaries as a GeoJSON FeatureCollection.' })
  @ZodResponse(200, gridsSchema)
  async grids() {
    const grids = await this.ds.getRepository(Grid).find({ order: { code: 'ASC' } });
    return {
      type: 'FeatureCollection',
      features: grids.map((g) => ({
        type: 'Feature',
        id: g.code,
        properties: { code: g.code, name: g.name, kind: g.kind, villageCode: g.villageCode, townCode: g.townCode },
        geometry: { type: 'Polygon', coordinates: [closeRing(g.boundary.map((p) => [p.lng, p.lat]))] },
      })),
    };
  }
}

const closeRing = (ring: number[][]) => (ring.length && ring[0].join() !== ring[ring.length - 1].join() ? [...ring, ring[0]] : ring);
