import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainError, GridIndex, LatLng } from '@fq/domain';
import { Repository } from 'typeorm';
import { GridView, OrgUnitView } from './org.entities';

export interface Placement {
  grid: GridView | undefined;
  /** The unit that receives the case first: the grid's post, or the district outside every grid. */
  unit: { code: string; name: string };
}

/** Finds the grid of a location over an in-memory index, rebuilt when the org events change it. */
@Injectable()
export class GridLocator {
  private index?: Promise<{ grids: GridIndex<GridView>; district?: OrgUnitView }>;

  constructor(
    @InjectRepository(GridView) private readonly grids: Repository<GridView>,
    @InjectRepository(OrgUnitView) private readonly units: Repository<OrgUnitView>,
  ) {}

  invalidate(): void {
    this.index = undefined;
  }

  async place(location: LatLng | null): Promise<Placement> {
    const { grids, district } = await this.load();
    const grid = location ? grids.locate(location) : undefined;
    if (grid) return { grid, unit: { code: grid.code, name: grid.name } };
    if (!district) {
      throw new DomainError('unavailable', 'ORG_TREE_NOT_LOADED', 'The org tree has not reached intake yet; start admin (it publishes the tree) and try again.');
    }
    return { grid: undefined, unit: { code: district.code, name: district.name } };
  }

  private load() {
    this.index ??= (async () => {
      const [all, district] = await Promise.all([this.grids.find(), this.units.findOne({ where: { kind: 'district' }, order: { code: 'ASC' } })]);
      return { grids: new GridIndex(all), district: district ?? undefined };
    })().catch((e) => {
      this.index = undefined;
      throw e;
    });
    return this.index;
  }
}
