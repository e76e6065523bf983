import { type CaseStatus, type Level, invalid } from '@fq/domain';
import type { IntakeRequest, IntakeResult } from '../intake/intake-request';
import type { CaseRecord } from '../shared/case.entity';
import type { PostRequest } from './open311.schemas';

/** GeoReport v2 picks the format by the path suffix: /services.json, /requests/42.xml. */
export type Open311Format = 'json' | 'xml';

export function splitFormat(file: string): { name: string; format: Open311Format } {
  const dot = file.lastIndexOf('.');
  const format = dot < 0 ? '' : file.slice(dot + 1);
  if (format !== 'json' && format !== 'xml') {
    throw invalid('OPEN311_FORMAT_UNSUPPORTED', `"${file}" must end in .json or .xml.`);
  }
  return { name: file.slice(0, dot), format };
}

export interface ServiceInfo {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

/** The services are the sub-items of the category tree (intake's copy of admin's, or the demo data's). */
export function open311Services(categories: readonly { code: string; name: string; parentCode?: string | null }[]): ServiceInfo[] {
  const classes = new Map(categories.filter((c) => !c.parentCode).map((c) => [c.code, c.name]));
  return categories
    .filter((c) => c.parentCode)
    .map((c) => {
      const group = classes.get(c.parentCode as string) ?? '';
      return { service_code: c.code, service_name: c.name, description: `${group}：${c.name}`, metadata: false, type: 'realtime', keywords: [group, c.name].join(','), group };
    });
}

/** Open311 knows only open and closed; everything before 销号 or withdrawal is still open. */
export const open311Status = (s: CaseStatus): 'open' | 'closed' => (s === 'closed' || s === 'withdrawn' ? 'closed' : 'open');

const NOTES: Record<CaseStatus, string> = {
  registered: '已受理，待派单',
  assigned: '已派单，待承办单位签收',
  signed: '已签收，承办单位办理中',
  returned: '已退单，待重新派单',
  replied: '已答复，待诉求人评价',
  callback: '已答复，待回访',
  closed: '已办结销号',
  withdrawn: '诉求人已撤回',
};

/** Our precise status, in words and as its code, since the Open311 status loses it. */
export function statusNotes(s: CaseStatus, level: Level): string {
  const words = s === 'signed' && level === 'grid' ? '已签收，网格员办理中' : NOTES[s];
  return `${words} (${s})`;
}

type CaseRow = Pick<
  CaseRecord,
  'number' | 'status' | 'level' | 'categoryCode' | 'description' | 'unitName' | 'registeredAt' | 'updatedAt' | 'resolveBy' | 'address' | 'lat' | 'lng'
>;

/** A case as a GeoReport request. Takes only what may be shown: never the requester's name or phone. */
export function toOpen311Request(c: CaseRow, serviceName: string | null) {
  return {
    service_request_id: c.number,
    status: open311Status(c.status),
    status_notes: statusNotes(c.status, c.level),
    service_name: serviceName,
    service_code: c.categoryCode,
    description: c.description,
    agency_responsible: c.unitName,
    service_notice: null,
    requested_datetime: c.registeredAt.toISOString(),
    updated_datetime: (c.updatedAt ?? c.registeredAt).toISOString(),
    expected_datetime: c.resolveBy?.toISOString() ?? null,
    address: c.address,
    address_id: null,
    zipcode: null,
    lat: c.lat,
    long: c.lng,
    media_url: null,
  };
}

export type Open311Request = ReturnType<typeof toOpen311Request>;

/** A GeoReport v2 request as intake's request: a case from another system, titled by its service. */
export function fromOpen311(req: PostRequest, serviceName: string, phone: string): IntakeRequest {
  const located = req.lat !== undefined && req.long !== undefined;
  return {
    channel: 'external',
    title: `${serviceName}${req.description ? `：${req.description.slice(0, 40)}` : ''}`,
    description: req.description || serviceName,
    categoryCode: req.service_code,
    // An address_string alone is placed by the address book when it names a known address.
    ...(located ? { location: { lat: req.lat as number, lng: req.long as number, ...(req.address_string ? { address: req.address_string } : {}) } } : { location: null, ...(req.address_string ? { address: req.address_string } : {}) }),
    // Chinese names put the family name first.
    requester: { name: `${req.last_name ?? ''}${req.first_name ?? ''}` || 'Open311 用户', phone, phoneVerified: false },
  };
}

/**
 * What the client is told: the case number, its query code and how it was placed. A point outside
 * every grid is accepted (the district places it by hand), with the same notice as an address
 * that could not be placed (ADR 0017).
 */
export function open311Notice(r: Pick<IntakeResult, 'caseNumber' | 'queryCode' | 'located' | 'gridCode'>): string {
  const where =
    r.located.by === 'address' ? `（按地址“${r.located.matched}”定位）` : r.located.by === 'none' ? '（未能定位到网格，由区级受理分派）' : r.gridCode ? '' : '（坐标不在本区任何网格内，未能定位到网格，由区级受理分派）';
  const code = r.queryCode ? `，查询码 ${r.queryCode}` : '';
  return `已受理，编号 ${r.caseNumber}${code}${where}；可凭编号和查询码查询办理进度并评价。`;
}
