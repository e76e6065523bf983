import { GridIndex, inBounds, pointInRing, ringArea, ringBounds, validateGrids } from '../geo';
import { ROLES } from '../roles';
import { DEMO_DISTRICT_BOUNDARY, DEMO_OUTSIDE, DEMO_POINTS, demoDistrict } from './demo-district';
import { allUnits } from './org';

describe('demoDistrict', () => {
  const d = demoDistrict();
  const baseGrids = d.grids.filter((g) => g.kind === 'base');
  const specials = d.grids.filter((g) => g.kind === 'special');
  const units = allUnits(d);
  const unitCodes = new Set(units.map((u) => u.code));

  it('is deterministic and returns fresh objects', () => {
    const again = demoDistrict();
    expect(again).toEqual(d);
    expect(again.grids[0]).not.toBe(d.grids[0]);
  });

  it('has the real towns of 峄城区 with well-formed codes', () => {
    expect(d.district).toEqual({ code: '370404', name: '峄城区', kind: 'district' });
    expect(d.towns.map((t) => t.name)).toEqual(['坛山街道', '吴林街道', '古邵镇', '阴平镇', '底阁镇', '榴园镇', '峨山镇']);
    expect(d.towns.map((t) => t.code.slice(6))).toEqual(['001', '002', '100', '101', '102', '103', '104']);
    for (const v of d.villages) expect(v.code).toMatch(new RegExp(`^${v.parentCode}\\d{3}$`));
    for (const g of d.grids) expect(g.code).toMatch(new RegExp(`^${g.villageCode}\\d{3}$`));
    for (const g of specials) expect(g.code.slice(12)).toMatch(/^9\d\d$/);
    const perTown = d.towns.map((t) => d.villages.filter((v) => v.parentCode === t.code).length);
    expect(perTown.every((n) => n >= 3 && n <= 4)).toBe(true);
    const perVillage = d.villages.map((v) => baseGrids.filter((g) => g.villageCode === v.code).length);
    expect(perVillage.every((n) => n >= 2 && n <= 4)).toBe(true);
    expect(specials.length).toBeGreaterThanOrEqual(3);
    expect(specials.length).toBeLessThanOrEqual(6);
  });

  it('has unique codes and every parent exists', () => {
    expect(unitCodes.size).toBe(units.length);
    for (const u of units) if (u.parentCode) expect(unitCodes).toContain(u.parentCode);
    for (const g of d.grids) {
      expect(d.villages.find((v) => v.code === g.villageCode)?.parentCode).toBe(g.townCode);
    }
    expect(validateGrids(d.grids)).toEqual([]);
  });

  it('tiles the district with base grids: no gaps, no overlaps', () => {
    const box = ringBounds(DEMO_DISTRICT_BOUNDARY);
    const total = baseGrids.reduce((s, g) => s + ringArea(g.boundary), 0);
    expect(total).toBeCloseTo(ringArea(DEMO_DISTRICT_BOUNDARY), 12);
    // Three samples per 1/400° lattice step, at (k + ½)/3 steps: never on an edge (edges lie on
    // whole steps) and dense enough that even a one-cell gap or overlap would be hit.
    const step = 1 / 400;
    const boxed = baseGrids.map((g) => ({ g, b: ringBounds(g.boundary) }));
    let samples = 0;
    for (let j = 0; box.minLat + ((j + 0.5) / 3) * step < box.maxLat; j++) {
      for (let i = 0; box.minLng + ((i + 0.5) / 3) * step < box.maxLng; i++) {
        const p = { lat: box.minLat + ((j + 0.5) / 3) * step, lng: box.minLng + ((i + 0.5) / 3) * step };
        const hits = boxed.filter(({ g, b }) => inBounds(b, p) && pointInRing(p, g.boundary)).length;
        if (hits !== 1) throw new Error(`${p.lat},${p.lng} hits ${hits} base grids`);
        samples++;
      }
    }
    expect(samples).toBe(192 * 288);
  });

  it('places every special grid inside a base grid of its own village', () => {
    for (const s of specials) {
      const hosts = baseGrids.filter((g) => s.boundary.every((p) => pointInRing(p, g.boundary)));
      expect(hosts).toHaveLength(1);
      expect(hosts[0].villageCode).toBe(s.villageCode);
    }
  });

  it('resolves the demo points to their grids and nothing outside', () => {
    const index = new GridIndex(d.grids);
    expect(DEMO_POINTS.length).toBeGreaterThanOrEqual(d.towns.length + specials.length);
    for (const { label, point, gridCode } of DEMO_POINTS) {
      expect({ label, code: index.locate(point)?.code }).toEqual({ label, code: gridCode });
    }
    for (const t of d.towns) expect(DEMO_POINTS.some((p) => p.gridCode.startsWith(t.code))).toBe(true);
    for (const s of specials) expect(DEMO_POINTS.some((p) => p.gridCode === s.code)).toBe(true);
    expect(inBounds(ringBounds(DEMO_DISTRICT_BOUNDARY), DEMO_OUTSIDE)).toBe(false);
    expect(index.locate(DEMO_OUTSIDE)).toBeUndefined();
  });

  it('has 10 classes and 22 sub-items, each led by an existing department', () => {
    const deptCodes = new Set(d.departments.map((x) => x.code));
    const classes = d.categories.filter((c) => !c.parentCode);
    const items = d.categories.filter((c) => c.parentCode);
    expect(classes).toHaveLength(10);
    expect(items).toHaveLength(22);
    expect(new Set(d.categories.map((c) => c.code)).size).toBe(32);
    for (const c of classes) {
      const n = items.filter((i) => i.parentCode === c.code).length;
      expect(n >= 2 && n <= 3).toBe(true);
    }
    for (const c of d.categories) expect(deptCodes).toContain(c.leadDepartmentCode);
    for (const dept of d.departments) expect(dept).toMatchObject({ kind: 'department', parentCode: '370404' });
  });

  it('has users for every role, the well-known logins, and real units', () => {
    const logins = d.users.map((u) => u.login);
    expect(new Set(logins).size).toBe(logins.length);
    for (const role of ROLES) expect(d.users.some((u) => u.roles.includes(role))).toBe(true);
    for (const login of ['admin', 'dispatcher', 'operator', 'supervisor', 'leader', 'mediator', 'lawyer', 'resident']) {
      expect(logins).toContain(login);
    }
    expect(d.users.find((u) => u.login === 'admin')).toMatchObject({ roles: ['admin'], unitCode: '370404' });
    expect(d.users.find((u) => u.login === 'dispatcher')).toMatchObject({ roles: ['district_centre'] });
    for (const t of d.towns) {
      expect(logins).toContain(`town-${t.code}`);
      expect(d.users.some((u) => u.roles.includes('grid_worker') && u.unitCode.startsWith(t.code))).toBe(true);
    }
    for (const u of d.users) {
      expect(unitCodes).toContain(u.unitCode);
      expect(u.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      const prefixed = /^(grid|village|town|dept|head)-(.+)$/.exec(u.login);
      if (prefixed) expect(u.unitCode).toBe(prefixed[2]);
    }
    expect(d.users.find((u) => u.login === 'mediator')?.unitCode).toMatch(/^370404\d{3}$/);
  });
});
