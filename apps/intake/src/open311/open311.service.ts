import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Principal } from '@fq/auth';
import { open311EnvSchema, parseEnv } from '@fq/config';
import { CASE_NUMBER_PATTERN, DomainError, invalid, notFound } from '@fq/domain';
import { ZodPipe } from '@fq/http';
import { Between, FindOptionsWhere, In, Repository } from 'typeorm';
import { CaseRecord } from '../cases/case.entity';
import { CasesService } from '../cases/cases.service';
import { CreateCase, createCaseSchema } from '../cases/dto/create-case.dto';
import { DispatchPlanner } from '../dispatch/dispatch-planner';
import { Open311Request, ServiceInfo, open311Services, toOpen311Request } from './open311.mapping';
import { ListQuery, PostRequest, postRequestSchema } from './open311.schemas';

export class Open311Config {
  readonly apiKeys: ReadonlySet<string>;
  constructor(env?: NodeJS.ProcessEnv) {
    this.apiKeys = new Set(parseEnv(open311EnvSchema, env).OPEN311_API_KEYS);
  }
}

const DAY = 86_400_000;

@Injectable()
export class Open311Service {
  constructor(
    private readonly config: Open311Config,
    private readonly cases: CasesService,
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

  async post(body: Record<string, unknown>): Promise<{ service_request_id: string; service_notice: string; account_id: null }> {
    const key = typeof body.api_key === 'string' ? body.api_key : '';
    if (!this.config.apiKeys.has(key)) {
      throw new DomainError('forbidden', 'OPEN311_API_KEY_INVALID', key ? 'The api_key is not valid.' : 'Send your api_key with the request.');
    }
    const req: PostRequest = new ZodPipe(postRequestSchema).transform(body);
    const serviceName = (await this.names()).get(req.service_code);
    if (!serviceName) throw invalid('OPEN311_SERVICE_UNKNOWN', `service_code "${req.service_code}" is not a service; GET services.json lists them.`);
    if (!req.phone) {
      throw invalid('OPEN311_PHONE_REQUIRED', 'phone is required: every request is answered and rated by its requester, who is called back on that number.');
    }
    const located = req.lat !== undefined && req.long !== undefined;
    const input: CreateCase = new ZodPipe(createCaseSchema).transform({
      channel: 'external',
      title: `${serviceName}${req.description ? `：${req.description.slice(0, 40)}` : ''}`,
      description: req.description || serviceName,
      category: req.service_code,
      // An address_string alone is placed by the address book when it names a known address.
      location: located ? { lat: req.lat, lng: req.long, ...(req.address_string ? { address: req.address_string } : {}) } : req.address_string ? { address: req.address_string } : undefined,
      // Chinese names put the family name first.
      requester: { name: `${req.last_name ?? ''}${req.first_name ?? ''}` || 'Open311 用户', phone: req.phone },
    });
    const by: Principal = { login: `open311:${key.slice(-4)}`, name: 'Open311 client', roles: ['operator'], unitCode: '370404' };
    const { caseNumber, queryCode, located: how } = await this.cases.register(input, by);
    const where = how.by === 'address' ? `（按地址“${how.matched}”定位）` : how.by === 'none' ? '（未能定位到网格，由区级受理分派）' : '';
    const code = queryCode ? `，查询码 ${queryCode}` : '';
    return { service_request_id: caseNumber, service_notice: `已受理，编号 ${caseNumber}${code}${where}；可凭编号和查询码查询办理进度并评价。`, account_id: null };
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
