import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CASE_NUMBER_PATTERN, invalid, notFound } from '@fq/domain';
import { DataSource } from 'typeorm';
import { AttachmentsService } from '../attachments/attachments.service';
import { ResidentsService } from '../residents/residents.service';
import { CaseRecord } from '../shared/case.entity';
import { caseView } from './case.view';

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly residents: ResidentsService,
    private readonly attachments: AttachmentsService,
  ) {}

  async find(number: string): Promise<CaseRecord> {
    if (!CASE_NUMBER_PATTERN.test(number)) {
      throw invalid('INVALID_CASE_NUMBER', `"${number}" is not a case number: case numbers are 14 or more digits, e.g. 20261123000042.`);
    }
    const record = await this.ds.getRepository(CaseRecord).findOneBy({ number });
    if (!record) throw notFound('CASE_NOT_FOUND', `No case has the number ${number}.`);
    return record;
  }

  /** A case as a dispatcher sees it: with its files, repeats and whether the requester keeps coming back. */
  async get(number: string) {
    const c = await this.find(number);
    const [{ repeats }] = await this.ds.query(`SELECT count(*)::int AS repeats FROM intake.case_contacts WHERE case_number = $1 AND kind = 'repeat'`, [number]);
    const members: { number: string }[] = c.clusterId ? await this.ds.query(`SELECT number FROM intake.cases WHERE cluster_id = $1 ORDER BY registered_at`, [c.clusterId]) : [];
    return {
      ...caseView(c),
      repeats,
      cluster: c.clusterId ? { id: c.clusterId, lead: c.mergedInto ?? c.number, members: members.map((r) => r.number) } : null,
      repeatRequester: c.residentId ? await this.residents.isRepeatRequester(c.residentId) : false,
      attachments: await this.attachments.listFor(number),
    };
  }
}
