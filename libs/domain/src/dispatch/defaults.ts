import { DISTRICT_CODE } from '../org/demo-towns';
import type { DispatchEntry } from './catalogue';

/** 坛山街道: the urban street office of the demo district. */
const TANSHAN = `${DISTRICT_CODE}001`;

/**
 * The demo district's catalogue (峄城区). The 大中小 rule decides whatever is not listed here, and
 * department matters (食品安全, 拖欠工资, ...) go to their lead departments whatever is listed.
 * Every call returns fresh objects.
 */
export function defaultCatalogue(): DispatchEntry[] {
  return [
    { id: 'disputes-medium', category: 'C06', area: '*', size: 'medium', start: 'village', handler: 'area', note: '邻里纠纷先由村(居)人民调解委员会调解，调不成再到镇(街道)' },
    { id: 'subsistence-allowance', category: 'C09-01', area: '*', size: '*', start: 'town', handler: 'area', note: '低保由乡镇人民政府(街道办事处)受理审核 (社会救助暂行办法 第十一条)' },
    { id: 'road-damage', category: 'C02-03', area: '*', size: 'small', start: 'town', handler: 'area', note: '道路修补要有养护力量，网格员上报即可' },
    { id: 'tanshan-municipal-small', category: 'C02', area: TANSHAN, size: 'small', start: 'village', handler: 'area', note: '坛山街道各社区配有市政协管员，市政小事由社区直接办' },
    { id: 'housing-safety-large', category: 'C01-02', area: '*', size: 'large', start: 'district', handler: 'lead-department', note: '危房等房屋安全大事由区住建局牵头' },
    { id: 'pollution-large', category: 'C03', area: '*', size: 'large', start: 'district', handler: 'lead-department', note: '重大环境污染由生态环境分局牵头' },
    { id: 'security-large', category: 'C07', area: '*', size: 'large', start: 'district', handler: 'lead-department', note: '重大治安隐患由公安分局牵头' },
  ];
}
