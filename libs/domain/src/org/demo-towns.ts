/**
 * The seven towns and streets of 峄城区 (real names and code order) with their villages and
 * communities. Village names are partly real, partly invented but typical of the area; codes
 * follow the national convention: 0xx for communities (居委会), 2xx for villages (村委会).
 * `grids` is how many base grids each village is cut into on the synthetic map.
 */
export type VillageSpec = { suffix: string; name: string; grids: 2 | 3 | 4 };
export type TownSpec = { suffix: string; name: string; villages: VillageSpec[] };

export const DISTRICT_CODE = '370404';
export const DISTRICT_NAME = '峄城区';

export const TOWN_SPECS: TownSpec[] = [
  {
    suffix: '001',
    name: '坛山街道',
    villages: [
      { suffix: '001', name: '坛山社区', grids: 4 },
      { suffix: '002', name: '承水社区', grids: 3 },
      { suffix: '003', name: '金寺社区', grids: 4 },
      { suffix: '004', name: '榴花社区', grids: 3 },
    ],
  },
  {
    suffix: '002',
    name: '吴林街道',
    villages: [
      { suffix: '001', name: '吴林社区', grids: 3 },
      { suffix: '002', name: '汇泉社区', grids: 4 },
      { suffix: '201', name: '大邵庄村', grids: 2 },
      { suffix: '202', name: '西堂村', grids: 2 },
    ],
  },
  {
    suffix: '100',
    name: '古邵镇',
    villages: [
      { suffix: '001', name: '古邵社区', grids: 3 },
      { suffix: '201', name: '南洛村', grids: 2 },
      { suffix: '202', name: '彭庄村', grids: 2 },
    ],
  },
  {
    suffix: '101',
    name: '阴平镇',
    villages: [
      { suffix: '001', name: '阴平社区', grids: 3 },
      { suffix: '201', name: '郝湖村', grids: 2 },
      { suffix: '202', name: '沙沟村', grids: 3 },
      { suffix: '203', name: '王庄村', grids: 2 },
    ],
  },
  {
    suffix: '102',
    name: '底阁镇',
    villages: [
      { suffix: '001', name: '底阁社区', grids: 3 },
      { suffix: '201', name: '甘沟村', grids: 2 },
      { suffix: '202', name: '大吴庄村', grids: 2 },
    ],
  },
  {
    suffix: '103',
    name: '榴园镇',
    villages: [
      { suffix: '001', name: '榴园社区', grids: 3 },
      { suffix: '201', name: '贾泉村', grids: 3 },
      { suffix: '202', name: '王府山村', grids: 2 },
      { suffix: '203', name: '青檀村', grids: 2 },
    ],
  },
  {
    suffix: '104',
    name: '峨山镇',
    villages: [
      { suffix: '001', name: '峨山社区', grids: 3 },
      { suffix: '201', name: '峨山口村', grids: 2 },
      { suffix: '202', name: '杨庄村', grids: 2 },
    ],
  },
];

/**
 * 专属网格: places with their own grid worker lying over a base grid. `host` is the base grid
 * (15-digit code) they sit in; `shape` is the outline in fractions (0..1) of the host's
 * rectangle, west→east and south→north. Two are non-rectangular on purpose.
 */
export type SpecialSpec = { host: string; suffix: string; name: string; shape: [number, number][] };

const BOX: [number, number][] = [
  [0.25, 0.25],
  [0.75, 0.25],
  [0.75, 0.75],
  [0.25, 0.75],
];

export const SPECIAL_SPECS: SpecialSpec[] = [
  { host: '370404001001001', suffix: '901', name: '峄城区人民医院专属网格', shape: BOX },
  // A pentagon: the school compound with a pointed north gate.
  {
    host: '370404001003002',
    suffix: '901',
    name: '峄城区实验小学专属网格',
    shape: [[0.3, 0.2], [0.7, 0.2], [0.8, 0.6], [0.5, 0.85], [0.2, 0.6]],
  },
  // An L shape (concave): the industrial park wraps around farmland that stays in the base grid.
  {
    host: '370404002002003',
    suffix: '901',
    name: '峄城经济开发区专属网格',
    shape: [[0.1, 0.1], [0.9, 0.1], [0.9, 0.4], [0.4, 0.4], [0.4, 0.9], [0.1, 0.9]],
  },
  { host: '370404100001001', suffix: '901', name: '古邵农贸市场专属网格', shape: BOX },
  { host: '370404103201002', suffix: '901', name: '冠世榴园景区专属网格', shape: BOX },
];
