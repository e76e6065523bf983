import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DispatchEntry, DomainError, UnitRef, planDispatch } from '@fq/domain';
import { Repository } from 'typeorm';
import { OrgUnitView } from '../org/org.entities';
import { DispatchPlan, DispatchRequest, dispatchPlanOf } from './dispatch-plan';
import { CategoryView, DispatchCatalogueView } from './dispatch.entities';

export type { DispatchPlan, DispatchRequest } from './dispatch-plan';

interface Snapshot {
  categories: CategoryView[];
  catalogue: { version: number; entries: DispatchEntry[] } | null;
}

/**
 * Decides where a new case starts (研判分流) from intake's copies of the category tree and the
 * dispatch catalogue, held in memory and dropped by DispatchConsumer after each change commits.
 */
@Injectable()
export class DispatchPlanner {
  private snapshot?: Promise<Snapshot>;

  constructor(
    @InjectRepository(CategoryView) private readonly categoryRows: Repository<CategoryView>,
    @InjectRepository(DispatchCatalogueView) private readonly catalogueRows: Repository<DispatchCatalogueView>,
    @InjectRepository(OrgUnitView) private readonly units: Repository<OrgUnitView>,
  ) {}

  invalidate(): void {
    this.snapshot = undefined;
  }

  /**
   * A department matter goes to its lead department at the district; outside every grid, the
   * district centre; otherwise the catalogue's most specific entry, or the 大中小 rule.
   * Throws UNKNOWN_CATEGORY (400) for a code not in the tree, CATEGORIES_NOT_LOADED (503) before
   * any category has reached intake.
   */
  async plan(input: DispatchRequest): Promise<DispatchPlan> {
    const { categories, catalogue } = await this.load();
    if (input.categoryCode !== null && !categories.length) {
      throw new DomainError('unavailable', 'CATEGORIES_NOT_LOADED', 'The category tree has not reached intake yet; start admin (it publishes the tree) and try again.');
    }
    const { grid } = input.placement;
    const decision = planDispatch(catalogue?.entries ?? [], categories, { categoryCode: input.categoryCode, townCode: grid?.townCode ?? null, hasGrid: !!grid, size: input.size });
    const handler = decision.handler === 'area' ? undefined : await this.unit(decision.handler.unitCode);
    return dispatchPlanOf(decision, input.placement, handler);
  }

  /** Intake's copy of the category tree, inactive categories included (cases keep them), by code. */
  async categories(): Promise<CategoryView[]> {
    return (await this.load()).categories.map((c) => ({ ...c }));
  }

  /** The catalogue in force as intake knows it; null before admin has published one (the 大中小 rule alone decides). */
  async catalogue(): Promise<{ version: number; entries: DispatchEntry[] } | null> {
    const { catalogue } = await this.load();
    return catalogue && structuredClone(catalogue);
  }

  /** Units change under OrgConsumer, whose events this cache does not see: read the one needed. */
  private async unit(code: string): Promise<UnitRef> {
    const u = await this.units.findOneBy({ code });
    return { code, name: u?.name ?? code };
  }

  private load(): Promise<Snapshot> {
    this.snapshot ??= (async () => {
      const [categories, row] = await Promise.all([this.categoryRows.find({ order: { code: 'ASC' } }), this.catalogueRows.findOneBy({ id: 1 })]);
      return { categories, catalogue: row ? { version: row.version, entries: row.entries } : null };
    })().catch((e) => {
      this.snapshot = undefined;
      throw e;
    });
    return this.snapshot;
  }
}
