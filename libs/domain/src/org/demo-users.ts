import type { Role } from '../roles';
import { DISTRICT_CODE } from './demo-towns';
import type { GridDef, OrgUnit, UserDef } from './org';

/** Synthetic names: 20 surnames × 24 given names, paired so no name repeats within 120 users. */
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'.split('');
const GIVEN = [
  '建国', '秀英', '志强', '丽华', '海燕', '文军', '春梅', '玉兰', '明亮', '桂芝', '红霞', '德胜',
  '晓东', '静怡', '宏伟', '淑芬', '立新', '雪梅', '振华', '翠花', '国庆', '凤英', '永刚', '美玲',
];
const personName = (i: number) => SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7 + 3) % GIVEN.length];

/**
 * One login per person, one role each, so tests can act as any role:
 * district staff by fixed login; `town-<code>`, `village-<code>`, `grid-<code>` for one unit per
 * town (its first village, that village's first base grid); `dept-<code>` / `head-<code>` for
 * every department so any category's work order has someone to receive and approve it.
 */
export function buildUsers(towns: OrgUnit[], villages: OrgUnit[], grids: GridDef[], departments: OrgUnit[]): UserDef[] {
  const specs: [string, Role, string][] = [
    ['admin', 'admin', DISTRICT_CODE],
    ['dispatcher', 'district_centre', DISTRICT_CODE],
    ['operator', 'operator', DISTRICT_CODE],
    ['supervisor', 'supervisor', DISTRICT_CODE],
    ['leader', 'leader', DISTRICT_CODE],
  ];
  for (const town of towns) {
    specs.push([`town-${town.code}`, 'town_centre', town.code]);
    const village = villages.find((v) => v.parentCode === town.code);
    if (!village) continue;
    specs.push([`village-${village.code}`, 'village_staff', village.code]);
    const grid = grids.find((g) => g.kind === 'base' && g.villageCode === village.code);
    if (grid) specs.push([`grid-${grid.code}`, 'grid_worker', grid.code]);
  }
  for (const d of departments) {
    specs.push([`dept-${d.code}`, 'department_staff', d.code]);
    specs.push([`head-${d.code}`, 'department_head', d.code]);
  }
  // The 访调对接 office and its duty lawyer sit in the street's centre (seed 000).
  const firstTown = towns[0].code;
  specs.push(['mediator', 'mediator', firstTown], ['lawyer', 'lawyer', firstTown]);
  // A resident belongs to the grid they live in, which is where their reports land by default.
  const home = grids.find((g) => g.kind === 'base');
  specs.push(['resident', 'resident', home ? home.code : DISTRICT_CODE]);
  return specs.map(([login, role, unitCode], i) => ({ login, name: personName(i), roles: [role], unitCode }));
}
