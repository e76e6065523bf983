import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Principal } from '@fq/auth';
import { CASE_NUMBER_PATTERN, invalid, notFound } from '@fq/domain';
import { Between, FindOptionsWhere, In, Repository } from 'typeorm';
import { DispatchPlanner } from '../dispatch/dispatch-planner';
import { IntakeService } from '../intake/intake.service';
import { CaseRecord } from '../shared/case.entity';
import { Open311Request, ServiceInfo, fromOpen311, open311Notice, open311Services, toOpen311Request } from './open311.mapping';
import { ListQuery, PostRequest } from './open311.schemas';

const DAY = 86_400_000;

@Injectable()
export class Open311Service {
  constructor(
    private readonly intake: IntakeService,
    private readonly planner: DispatchPlanner,
    @InjectRepository(CaseRecord) private readonly records: Repository<CaseRecord>,
  ) {}

  /** The active sub-items of intake's copy of admin's category tree: a category admin adds is a service at once. */
  async list(): Promise<ServiceInfo[]> {
    return open311Services((await this.planner.categories()).filter((c) => c.active));
  }

  private async names(): Promise<Map<string, string>> {
    return new Map((await this.list()).map((s) => [s.service_code, s.service_name]));
  }

  async definition(code: string): Promise<{ service_code: string; attributes: [] }> {
    if (!(await this.names()).has(code)) throw notFound('OPEN311_SERVICE_NOT_FOUND', `No service has the code "${code}"; GET services.json lists them.`);
    return { service_code: code, attributes: [] };
  }

  /** A request checked at the edge (api_key by the guard, fields by the pipe): mapped and accepted like any channel's. */
  async post(req: PostRequest, key: string): Promise<{ service_request_id: string; service_notice: string; account_id: null }> {
    const serviceName = (await this.names()).get(req.service_code);
    if (!serviceName) throw invalid('OPEN311_SERVICE_UNKNOWN', `service_code "${req.service_code}" is not a service; GET services.json lists them.`);
    if (!req.phone) {
      throw invalid('OPEN311_PHONE_REQUIRED', 'phone is required: every request is answered and rated by its requester, who is called back on that number.');
    }
    const by: Principal = { login: `open311:${key.slice(-4)}`, name: 'Open311 client', roles: ['operator'], unitCode: '370404' };
    const result = await this.intake.accept(fromOpen311(req, serviceName, req.phone), by);
    return { service_request_id: result.caseNumber, service_notice: open311Notice(result), account_id: null };
  }

  async find(query: ListQuery): Promise<Open311Request[]> {
    let where: FindOptionsWhere<CaseRecord> = { number: In(query.service_request_id ?? []) };
    // Per the spec, service_request_id overrides every other filter.
    if (!query.service_request_id) {
      const end = query.end_date ?? new Date();
      const start = query.start_date ?? new Date(end.getTime() - 90 * DAY);
      where = { registeredAt: Between(start, end) };
      if (query.service_code) where.categoryCode = query.service_code;
      if (query.status === 'open') where.status = In(['registered', 'assigned', 'signed', 'returned', 'replied', 'callback']);
      if (query.status === 'closed') where.status = In(['closed', 'withdrawn']);
    }
    const rows = await this.records.find({ where, order: { registeredAt: 'DESC' }, take: 200 });
    // A case keeps its category's name after admin retires the category.
    const names = new Map((await this.planner.categories()).map((c) => [c.code, c.name]));
    return rows.map((c) => toOpen311Request(c, c.categoryCode ? (names.get(c.categoryCode) ?? null) : null));
  }

  async one(id: string): Promise<Open311Request> {
    const row = CASE_NUMBER_PATTERN.test(id) ? (await this.find({ service_request_id: [id] }))[0] : undefined;
    if (!row) throw notFound('CASE_NOT_FOUND', `No service request has the id ${id}.`);
    return row;
  }
}
