import { DemoDistrict, demoAddresses, demoDistrict } from '@fq/domain';
import { publishEvent } from '@fq/events';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, ObjectLiteral, EntityTarget } from 'typeorm';
import { KnownAddressRow, toAddress, toRow } from '../addresses/known-address.entity';
import { seedFromPackage } from '../calendar/calendar.service';
import { seedSlaRuleSets } from '../sla/sla.seed';
import { seedDispatchCatalogue } from '../dispatch/dispatch.seed';
import { categoryDefined } from '../org/categories.service';
import { Category, Grid, OrgUnit } from '../org/org.entities';
import { AppUser } from '../users/user.entity';

export interface SeedReport {
  units: number;
  grids: number;
  categories: number;
  users: number;
  /** Years of holidays and adjusted workdays taken from the chinese-days package (years already defined are left alone). */
  calendarYears: number;
  /** SLA rule sets stored: the presets as drafts and the default set in force, on a database without any. */
  slaRuleSets: number;
  /** Dispatch catalogue versions stored: defaultCatalogue() as version 1, on a database without one. */
  dispatchCatalogue: number;
  /** Address book entries (标准地址) added: demoAddresses(), those whose id is new. */
  addresses: number;
}

/**
 * Loads the demo district (峄城区) into admin's schema. Idempotent: rows that exist are left as
 * they are, and only new org units, grids, categories and address book entries are announced on
 * Kafka (all categories, the first time: until the dispatch catalogue came, categories were not
 * announced at all).
 */
export async function seedDemoDistrict(ds: DataSource, district: DemoDistrict = demoDistrict()): Promise<SeedReport> {
  return ds.transaction(async (m) => {
    const ctx = { producer: 'admin', correlationId: `seed-${randomUUID()}`, causationId: 'seed' };
    const units = [district.district, ...district.towns, ...district.villages, ...district.departments, ...district.grids.map((g) => ({ code: g.code, name: g.name, kind: 'grid' as const, parentCode: g.villageCode }))];
    const newUnits = await insertNew(m, OrgUnit, units.map((u) => ({ ...u, parentCode: u.parentCode ?? null })));
    for (const u of newUnits) await publishEvent(m, 'org.unit.defined', u, ctx, { key: u.code });
    const newGrids = await insertNew(m, Grid, district.grids);
    for (const g of newGrids) await publishEvent(m, 'grid.defined', g, ctx, { key: g.code });
    const categories = await insertNew(m, Category, district.categories.map((c) => ({ ...c, parentCode: c.parentCode ?? null, leadDepartmentCode: c.leadDepartmentCode ?? null, departmentMatter: c.departmentMatter ?? false, active: true })));
    const firstCatalogue = await seedDispatchCatalogue(m, district, ctx);
    const announced = firstCatalogue ? await m.find(Category, { order: { code: 'ASC' } }) : categories;
    for (const c of announced) await publishEvent(m, 'category.defined', categoryDefined(c), ctx, { key: c.code });
    const addresses = await insertNew(m, KnownAddressRow, demoAddresses(district).map((a) => ({ ...toRow(a), updatedAt: new Date() })), 'id');
    for (const a of addresses) await publishEvent(m, 'address.defined', toAddress(a), ctx, { key: a.id });
    const users = await insertNew(m, AppUser, district.users.map((u) => ({ ...u, active: true })), 'login');
    const calendarYears = await seedFromPackage(m);
    const slaRuleSets = await seedSlaRuleSets(m);
    return { units: newUnits.length, grids: newGrids.length, categories: categories.length, users: users.length, calendarYears, slaRuleSets, dispatchCatalogue: firstCatalogue ? 1 : 0, addresses: addresses.length };
  });
}

/** Inserts the rows whose key is new; returns those rows. */
async function insertNew<T extends ObjectLiteral>(m: EntityManager, target: EntityTarget<T>, rows: T[], key = 'code'): Promise<T[]> {
  if (!rows.length) return [];
  const result = await m.createQueryBuilder().insert().into(target).values(rows).orIgnore().returning([key]).execute();
  const inserted = new Set((result.raw as Record<string, string>[]).map((r) => r[key]));
  return rows.filter((r) => inserted.has(r[key]));
}
