import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal } from '@fq/auth';
import { DomainError, catalogueProblems, conflict, invalid, notFound } from '@fq/domain';
import { EventContext, EventData, publishEvent } from '@fq/events';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { audit } from '../audit/audit';
import { catalogueContext, currentCatalogue } from '../dispatch/dispatch.service';
import { lockDispatch } from '../dispatch/dispatch.lock';
import { CreateCategory, UpdateCategory } from './categories.schemas';
import { Category, OrgUnit } from './org.entities';

/** The payload of `category.defined`: the whole category. */
export const categoryDefined = (c: Category): EventData<'category.defined'> => ({
  code: c.code,
  name: c.name,
  parentCode: c.parentCode,
  leadDepartmentCode: c.leadDepartmentCode,
  departmentMatter: c.departmentMatter,
  active: c.active,
});

type Changes = Partial<Pick<Category, 'name' | 'leadDepartmentCode' | 'departmentMatter' | 'active'>>;

/** The category tree, edited by administrators; every change is audited and announced to the services. */
@Injectable()
export class CategoriesService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  list(): Promise<Category[]> {
    return this.ds.getRepository(Category).find({ order: { code: 'ASC' } });
  }

  async get(code: string): Promise<Category> {
    return found(await this.ds.getRepository(Category).findOneBy({ code }), code);
  }

  create(input: CreateCategory, by: Principal): Promise<Category> {
    return this.ds.transaction(async (m) => {
      await lockDispatch(m);
      const dash = input.code.indexOf('-');
      const parentCode = dash < 0 ? null : input.code.slice(0, dash);
      if (input.parentCode !== undefined && input.parentCode !== parentCode) {
        throw invalid('CATEGORY_PARENT_MISMATCH', `A category's class is the part of its code before the dash: ${input.code} ${parentCode ? `belongs to ${parentCode}` : 'is a class'}, not under ${input.parentCode}.`);
      }
      if (parentCode) {
        const parent = await m.findOneBy(Category, { code: parentCode });
        if (!parent || parent.parentCode) throw invalid('CATEGORY_PARENT_NOT_FOUND', `There is no class ${parentCode} to put sub-item ${input.code} under.`);
      }
      if (await m.existsBy(Category, { code: input.code })) throw conflict('CATEGORY_EXISTS', `Category ${input.code} already exists; change it with PATCH /api/v1/categories/${input.code}.`);
      await assertDepartment(m, input.leadDepartmentCode);
      const row = m.create(Category, { code: input.code, name: input.name, parentCode, leadDepartmentCode: input.leadDepartmentCode, departmentMatter: input.departmentMatter, active: input.active });
      await m.insert(Category, row);
      await audit(m, by, 'category.created', row.code, { ...categoryDefined(row) });
      await publishEvent(m, 'category.defined', categoryDefined(row), context(), { key: row.code });
      return row;
    });
  }

  update(code: string, patch: UpdateCategory, by: Principal): Promise<Category> {
    return this.ds.transaction(async (m) => {
      await lockDispatch(m);
      const before = found(await m.findOneBy(Category, { code }), code);
      if (patch.leadDepartmentCode !== undefined) await assertDepartment(m, patch.leadDepartmentCode);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const next: Changes = {};
      for (const key of ['name', 'leadDepartmentCode', 'departmentMatter', 'active'] as const) {
        const value = patch[key];
        if (value === undefined || value === before[key]) continue;
        changes[key] = { from: before[key], to: value };
        Object.assign(next, { [key]: value });
      }
      if (!Object.keys(changes).length) return before;
      const after = { ...before, ...next };
      await assertCatalogueStillValid(m, after);
      await m.update(Category, { code }, next);
      await audit(m, by, 'category.updated', code, { changes });
      await publishEvent(m, 'category.defined', categoryDefined(after), context(), { key: code });
      return after;
    });
  }
}

const context = (): EventContext => {
  const id = randomUUID();
  return { producer: 'admin', correlationId: id, causationId: id };
};

function found(c: Category | null, code: string): Category {
  if (!c) throw notFound('CATEGORY_NOT_FOUND', `There is no category ${code}.`);
  return c;
}

async function assertDepartment(m: EntityManager, code: string): Promise<void> {
  const unit = await m.findOneBy(OrgUnit, { code });
  if (unit?.kind !== 'department') {
    throw invalid('CATEGORY_LEAD_NOT_DEPARTMENT', unit ? `${code} (${unit.name}) is a ${unit.kind}, not a department; a category is led by a department.` : `There is no unit ${code}; a category is led by an existing department.`);
  }
}

/** The catalogue in force stays valid: e.g. a category cannot become a department matter while an entry sends it to a village. */
async function assertCatalogueStillValid(m: EntityManager, changed: Category): Promise<void> {
  const catalogue = await currentCatalogue(m);
  if (!catalogue) return;
  const ctx = await catalogueContext(m);
  const categories = ctx.categories.map((c) => (c.code === changed.code ? changed : c));
  const problems = catalogueProblems(catalogue.entries, { ...ctx, categories });
  if (problems.length) {
    const message = `This change would make dispatch catalogue version ${catalogue.version} invalid; change the catalogue first. ${problems.map((p) => p.message).join(' ')}`;
    throw new DomainError('conflict', 'CATEGORY_CONFLICTS_WITH_CATALOGUE', message, { problems });
  }
}
