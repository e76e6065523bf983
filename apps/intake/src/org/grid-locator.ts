import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainError, GridIndex, LatLng, UnitChain, UnitRef } from '@fq/domain';
import { Repository } from 'typeorm';
import { GridView, OrgUnitView } from './org.entities';

export interface Placement {
  grid: GridView | undefined;
  /** The unit that receives the case first: the grid's post, or the district outside every grid. */
  unit: UnitRef;
  /** Who holds each level above it, for the escalation ladder. */
  chain: UnitChain;
}

interface OrgIndex {
  grids: GridIndex<GridView>;
  units: Map<string, OrgUnitView>;
  district?: OrgUnitView;
}

const ref = (u: { code: string; name: string } | undefined): UnitRef | undefined => (u ? { code: u.code, name: u.name } : undefined);

/** Finds the grid of a location over an in-memory index, rebuilt when the org events change it. */
@Injectable()
export class GridLocator {
  private index?: Promise<OrgIndex>;

  constructor(
    @InjectRepository(GridView) private readonly grids: Repository<GridView>,
    @InjectRepository(OrgUnitView) private readonly units: Repository<OrgUnitView>,
  ) {}

  invalidate(): void {
    this.index = undefined;
  }

  async place(location: LatLng | null): Promise<Placement> {
    const { grids, units, district } = await this.load();
    if (!district) {
      throw new DomainError('unavailable', 'ORG_TREE_NOT_LOADED', 'The org tree has not reached intake yet; start admin (it publishes the tree) and try again.');
    }
    const grid = location ? grids.locate(location) : undefined;
    const districtRef = ref(district) as UnitRef;
    if (!grid) return { grid: undefined, unit: districtRef, chain: { district: districtRef } };
    const unit = { code: grid.code, name: grid.name };
    const chain: UnitChain = { grid: unit, village: ref(units.get(grid.villageCode)), town: ref(units.get(grid.townCode)), district: districtRef };
    return { grid, unit, chain };
  }

  private load(): Promise<OrgIndex> {
    this.index ??= (async () => {
      const [all, units] = await Promise.all([this.grids.find(), this.units.find({ order: { code: 'ASC' } })]);
      return { grids: new GridIndex(all), units: new Map(units.map((u) => [u.code, u])), district: units.find((u) => u.kind === 'district') };
    })().catch((e) => {
      this.index = undefined;
      throw e;
    });
    return this.index;
  }
}
