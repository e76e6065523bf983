import { DISTRICT_CODE } from './demo-towns';
import type { CategoryDef, OrgUnit } from './org';

/** 区直部门 that receive work orders. Codes are the district code + D + two digits. */
const DEPARTMENT_NAMES = [
  '区信访局',
  '区住房和城乡建设局',
  '区综合行政执法局', // 城管
  '区市场监督管理局',
  '区人力资源和社会保障局',
  '市生态环境局峄城分局',
  '区民政局',
  '区司法局',
  '市公安局峄城分局',
  '区教育和体育局',
  '区卫生健康局',
  '区自然资源局',
  '区交通运输局',
  '区水务局',
];

export const deptCode = (n: number) => `${DISTRICT_CODE}D${String(n).padStart(2, '0')}`;

export const buildDepartments = (): OrgUnit[] =>
  DEPARTMENT_NAMES.map((name, i) => ({ code: deptCode(i + 1), name, kind: 'department', parentCode: DISTRICT_CODE }));

/**
 * 10 classes / 22 sub-items, as in Dezhou (seed 004: "10类22小项，每个大类明确一个牵头职能部门").
 * Every node gets a lead department (department numbers below); a sub-item inherits its class's
 * unless the spec names another (e.g. 供水排水 under 市政设施 goes to the water bureau).
 */
type ClassSpec = { name: string; lead: number; items: [string, number?][] };

const CLASSES: ClassSpec[] = [
  { name: '城乡建设', lead: 2, items: [['物业管理'], ['房屋安全'], ['不动产办证', 12]] },
  { name: '市政设施', lead: 3, items: [['道路照明'], ['供水排水', 14], ['道路破损', 13]] },
  { name: '环境保护', lead: 6, items: [['噪声扰民'], ['大气水体污染']] },
  { name: '劳动保障', lead: 5, items: [['拖欠工资'], ['社会保险']] },
  { name: '市场监管', lead: 4, items: [['食品安全'], ['消费维权']] },
  { name: '邻里纠纷', lead: 8, items: [['婚姻家庭'], ['邻里矛盾']] },
  { name: '社会治安', lead: 9, items: [['治安隐患'], ['电信诈骗']] },
  { name: '教育卫生', lead: 10, items: [['学校教育'], ['医疗服务', 11]] },
  { name: '民政救助', lead: 7, items: [['低保救助'], ['养老服务']] },
  { name: '土地资源', lead: 12, items: [['土地征收'], ['违法占地']] },
];

/** Sub-items that need a functional department's powers (licences, inspection, registers, police). */
const DEPARTMENT_MATTERS = new Set(['不动产办证', '拖欠工资', '社会保险', '食品安全', '消费维权', '电信诈骗', '土地征收']);

export function buildCategories(): CategoryDef[] {
  const out: CategoryDef[] = [];
  CLASSES.forEach((c, ci) => {
    const code = `C${String(ci + 1).padStart(2, '0')}`;
    out.push({ code, name: c.name, leadDepartmentCode: deptCode(c.lead) });
    c.items.forEach(([name, lead], ii) => {
      const sub = `${code}-${String(ii + 1).padStart(2, '0')}`;
      out.push({ code: sub, name, parentCode: code, leadDepartmentCode: deptCode(lead ?? c.lead), departmentMatter: DEPARTMENT_MATTERS.has(name) });
    });
  });
  return out;
}
