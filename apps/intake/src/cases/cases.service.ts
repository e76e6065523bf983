import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal } from '@fq/auth';
import { CASE_NUMBER_PATTERN, caseWorkflowId, formatCaseNumber, invalid, notFound } from '@fq/domain';
import { enqueue, publishEvent } from '@fq/events';
import { StartWorkflowCommand } from '@fq/temporal';
import { CaseWorkflowInput, TASK_QUEUES } from '@fq/workflows';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { GridLocator } from '../org/grid-locator';
import { CaseRecord } from './case.entity';
import { CaseView, caseView } from './case.view';
import { CreateCase } from './dto/create-case.dto';

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly locator: GridLocator,
  ) {}

  /**
   * Registers a case: the record, its case.registered event and the command that starts its
   * workflow commit together, so an accepted case is never lost whatever else is down.
   */
  async register(input: CreateCase, by: Principal, correlationId: string = randomUUID()): Promise<{ caseNumber: string }> {
    const location = input.location ?? null;
    const placement = await this.locator.place(location);
    const level = placement.grid ? 'grid' : 'district';
    return this.ds.transaction(async (m) => {
      const [{ seq }] = await m.query(`SELECT nextval('intake.case_number_seq') AS seq`);
      const now = new Date();
      const number = formatCaseNumber(now, Number(seq));
      const record = m.create(CaseRecord, {
        number,
        channel: input.channel,
        title: input.title,
        description: input.description,
        categoryCode: input.category ?? null,
        urgency: input.urgency,
        lat: location?.lat ?? null,
        lng: location?.lng ?? null,
        address: location?.address ?? null,
        requesterName: input.requester.name,
        requesterPhone: input.requester.phone,
        gridCode: placement.grid?.code ?? null,
        level,
        status: 'registered',
        unitCode: placement.unit.code,
        unitName: placement.unit.name,
        workOrderId: null,
        registeredBy: by.login,
        correlationId,
        registeredAt: now,
        assignedAt: null,
      });
      await m.insert(CaseRecord, record);
      const ctx = { producer: 'intake', correlationId, causationId: correlationId };
      await publishEvent(
        m,
        'case.registered',
        {
          caseNumber: number,
          channel: input.channel,
          title: input.title,
          categoryCode: record.categoryCode,
          location: location ? { lat: location.lat, lng: location.lng, address: record.address } : null,
          gridCode: record.gridCode,
          level,
          unitCode: record.unitCode,
          registeredAt: now.toISOString(),
        },
        ctx,
        { caseNumber: number },
      );
      const workflowInput: CaseWorkflowInput = {
        caseNumber: number,
        channel: input.channel,
        title: input.title,
        categoryCode: record.categoryCode,
        urgency: input.urgency,
        gridCode: record.gridCode,
        level,
        unit: placement.unit,
        chain: placement.chain,
        correlationId,
      };
      const start: StartWorkflowCommand = {
        workflowId: caseWorkflowId(number),
        taskQueue: TASK_QUEUES.cases,
        args: [workflowInput],
        searchAttributes: {
          CaseNumber: number,
          CaseLevel: level,
          CaseStatus: 'registered',
          HandlingUnit: placement.unit.code,
          ...(record.gridCode ? { GridCode: record.gridCode } : {}),
          ...(record.categoryCode ? { CaseCategory: record.categoryCode } : {}),
        },
      };
      await enqueue(m, { destination: 'temporal', topic: 'caseWorkflow', key: number, payload: start });
      return { caseNumber: number };
    });
  }

  async get(number: string): Promise<CaseView> {
    if (!CASE_NUMBER_PATTERN.test(number)) {
      throw invalid('INVALID_CASE_NUMBER', `"${number}" is not a case number: case numbers are 14 or more digits, e.g. 20261123000042.`);
    }
    const record = await this.ds.getRepository(CaseRecord).findOneBy({ number });
    if (!record) throw notFound('CASE_NOT_FOUND', `No case has the number ${number}.`);
    return caseView(record);
  }
}
