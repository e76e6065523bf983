import { DemoDistrict, defaultCatalogue, validateCatalogue } from '@fq/domain';
import { EventContext } from '@fq/events';
import { EntityManager, In } from 'typeorm';
import { Category } from '../org/org.entities';
import { lockDispatch } from './dispatch.lock';
import { catalogueContext, currentCatalogue, storeCatalogue } from './dispatch.service';

/**
 * On a database without a dispatch catalogue: stores and announces defaultCatalogue() as
 * version 1, and returns true. Such a database predates editable categories, so the district's
 * department matters are flagged on the rows it already has (nobody could have edited them).
 * Later runs do nothing: the administrators own the catalogue from then on.
 */
export async function seedDispatchCatalogue(m: EntityManager, district: DemoDistrict, ctx: EventContext): Promise<boolean> {
  await lockDispatch(m);
  if (await currentCatalogue(m)) return false;
  const matters = district.categories.filter((c) => c.departmentMatter).map((c) => c.code);
  if (matters.length) await m.update(Category, { code: In(matters) }, { departmentMatter: true });
  const entries = validateCatalogue(defaultCatalogue(), await catalogueContext(m));
  await storeCatalogue(m, entries, 'seed', ctx);
  return true;
}
