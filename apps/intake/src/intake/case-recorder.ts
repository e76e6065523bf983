import { Injectable } from '@nestjs/common';
import { formatCaseNumber } from '@fq/domain';
import { EntityManager } from 'typeorm';
import { AttachmentsService } from '../attachments/attachments.service';
import type { Resident } from '../residents/resident.entity';
import { ResidentsService } from '../residents/residents.service';
import { CaseRecord } from '../shared/case.entity';
import { newQueryCode } from '../shared/query-code';
import { announceRegistered } from './case-announcement';
import { startCaseWorkflow } from './case-workflow';
import { settleExternalRef } from './external-refs';
import type { IntakeRequest, IntakeResult } from './intake-request';
import { intakeResult } from './intake-result';
import { MatchFinder } from './match-finder';
import { newCaseRecord } from './new-case-record';
import type { Assessment } from './request-assessor';

export interface Recording {
  req: IntakeRequest;
  a: Assessment;
  /** The requester's file and each co-requester's, locked. */
  resident: Resident | null;
  coFiles: Resident[];
  lead?: CaseRecord;
  by: string;
  correlationId: string;
  now: Date;
}

/**
 * The last step of intake: a new case (dispatched, merged into its cluster's lead, or recorded
 * closed) with its number, attachments, the residents' contacts, its event and, when dispatched,
 * the command that starts its workflow, all in the caller's transaction.
 */
@Injectable()
export class CaseRecorder {
  constructor(
    private readonly residents: ResidentsService,
    private readonly attachments: AttachmentsService,
    private readonly matches: MatchFinder,
  ) {}

  async record(m: EntityManager, { req, a, resident, coFiles, lead, by, correlationId, now }: Recording): Promise<IntakeResult> {
    const [{ seq }] = await m.query(`SELECT nextval('intake.case_number_seq') AS seq`);
    const number = formatCaseNumber(now, Number(seq));
    const queryCode = req.requester ? newQueryCode() : null;
    const sealed = req.requester ? this.residents.sealed(req.requester) : null;
    const record = newCaseRecord({ req, a, number, now, lead, by, correlationId, queryCode, residentId: resident?.id ?? null, sealed });
    await m.insert(CaseRecord, record);
    if (req.attachments?.length) await this.attachments.attach(m, number, req.attachments);
    const kind = lead ? 'merged' : 'registered';
    if (resident) await this.residents.contact(m, { caseNumber: number, residentId: resident.id, kind, channel: req.channel, at: now });
    for (const co of coFiles) await this.residents.contact(m, { caseNumber: number, residentId: co.id, kind, channel: req.channel, note: '联名', at: now });
    if (lead) await this.matches.noteGrowth(m, lead);
    if (req.external) await settleExternalRef(m, req.external, { caseNumber: number });
    await announceRegistered(m, record, a.triage, correlationId);
    if (a.plan && !lead) await startCaseWorkflow(m, record, a.plan, correlationId);
    return intakeResult(record, queryCode, record.disposition, a.triage, resident ? await this.residents.isRepeatRequester(resident.id, m) : false, Boolean(req.attachments?.length));
  }
}
