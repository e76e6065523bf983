/** Chinese names of the domain's codes, as the console shows them. */
export const LEVEL: Record<string, string> = { grid: '网格', village: '村（社区）', town: '镇（街道）', district: '区级', conference: '联席会议', leader: '领导' };
export const CASE_STATUS: Record<string, string> = {
  registered: '已登记', assigned: '已派单', signed: '已签收', returned: '已退单', replied: '已答复', callback: '待回访', closed: '已办结', withdrawn: '已撤回',
};
export const ORDER_STATUS: Record<string, string> = { open: '待签收', signed: '办理中', replied: '已答复', returned: '已退单', escalated: '已提级', closed: '已办结', withdrawn: '已撤回', reopened: '重办' };
export const OUTCOME: Record<string, string> = { escalated: '提级', breached: '超时提级', returned: '退单', replied: '已答复', withdrawn: '撤回', 'conference-failed': '会商未决', 'conference-decided': '会商决定' };
export const CHANNEL: Record<string, string> = { hotline: '热线', web: '网站', petition: '信访', grid: '网格上报', opinion: '舆情', external: '外部平台' };
export const ROLE: Record<string, string> = {
  resident: '居民', operator: '话务员', grid_worker: '网格员', village_staff: '村（社区）工作人员', town_centre: '镇街中心', district_centre: '区中心调度',
  department_staff: '部门办事员', department_head: '部门负责人', mediator: '调解员', lawyer: '律师', supervisor: '督查', leader: '领导', admin: '系统管理员',
};
export const label = (map: Record<string, string>, code: string | null | undefined) => (code ? (map[code] ?? code) : '—');
