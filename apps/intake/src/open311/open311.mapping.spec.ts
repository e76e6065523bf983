import { CASE_STATUSES, demoDistrict } from '@fq/domain';
import { open311Services, open311Status, splitFormat, statusNotes, toOpen311Request } from './open311.mapping';

describe('Open311 mapping', () => {
  it('lists the sub-items of the category tree as services, grouped by their class', () => {
    const services = open311Services(demoDistrict().categories);
    expect(services).toHaveLength(22);
    expect(services[0]).toEqual({
      service_code: 'C01-01',
      service_name: '物业管理',
      description: '城乡建设：物业管理',
      metadata: false,
      type: 'realtime',
      keywords: '城乡建设,物业管理',
      group: '城乡建设',
    });
    expect(services.some((s) => s.service_code === 'C01')).toBe(false);
  });

  it('maps every status honestly to open or closed and keeps ours in the notes', () => {
    const closed = CASE_STATUSES.filter((s) => open311Status(s) === 'closed');
    expect(closed).toEqual(['closed', 'withdrawn']);
    expect(statusNotes('signed', 'grid')).toBe('已签收，网格员办理中 (signed)');
    expect(statusNotes('signed', 'town')).toBe('已签收，承办单位办理中 (signed)');
    expect(statusNotes('callback', 'grid')).toMatch(/\(callback\)$/);
  });

  it('shows a case without its requester and with the workflow deadline', () => {
    const registeredAt = new Date('2026-11-23T01:00:00Z');
    const row = {
      number: '20261123000042',
      status: 'signed' as const,
      level: 'grid' as const,
      categoryCode: 'C02-03',
      description: '路面塌陷',
      unitName: '坛山街道第一网格',
      registeredAt,
      updatedAt: null,
      resolveBy: new Date('2026-11-26T09:00:00Z'),
      address: '坛山路 1 号',
      lat: 34.77,
      lng: 117.59,
      requesterName: '孙丽',
      requesterPhoneMasked: '136****3333',
    };
    const r = toOpen311Request(row, '道路破损');
    expect(r).toMatchObject({
      service_request_id: '20261123000042',
      status: 'open',
      service_code: 'C02-03',
      service_name: '道路破损',
      agency_responsible: '坛山街道第一网格',
      requested_datetime: '2026-11-23T01:00:00.000Z',
      updated_datetime: '2026-11-23T01:00:00.000Z',
      expected_datetime: '2026-11-26T09:00:00.000Z',
      lat: 34.77,
      long: 117.59,
      media_url: null,
    });
    expect(JSON.stringify(r)).not.toMatch(/孙丽|13600003333/);
  });

  it('reads the format from the path suffix', () => {
    expect(splitFormat('20261123000042.xml')).toEqual({ name: '20261123000042', format: 'xml' });
    expect(splitFormat('C01-01.json')).toEqual({ name: 'C01-01', format: 'json' });
    expect(() => splitFormat('C01-01.csv')).toThrow(/\.json or \.xml/);
    expect(() => splitFormat('C01-01')).toThrow(/\.json or \.xml/);
  });
});
