import { Injectable } from '@nestjs/common';
import { publishEvent } from '@fq/events';
import { EntityManager } from 'typeorm';
import { AttachmentsService } from '../attachments/attachments.service';
import type { Resident } from '../residents/resident.entity';
import { ResidentsService } from '../residents/residents.service';
import { intakeContext } from './case-announcement';
import { settleExternalRef } from './external-refs';
import type { IntakeRequest, IntakeResult } from './intake-request';
import { intakeResult } from './intake-result';
import { MatchFinder } from './match-finder';
import type { Assessment } from './request-assessor';

/**
 * The same requester raising the same open matter again is linked to it, not opened again
 * (信访工作条例 Art. 19): a `repeat` contact in each signer's file and `case.repeated`.
 */
@Injectable()
export class RepeatLinker {
  constructor(
    private readonly residents: ResidentsService,
    private readonly matches: MatchFinder,
    private readonly attachments: AttachmentsService,
  ) {}

  /** The open case this request repeats, linked; undefined when it is a new matter. The resident's file is locked by the caller. */
  async link(m: EntityManager, req: IntakeRequest, a: Assessment, resident: Resident, coFiles: Resident[], correlationId: string, now: Date): Promise<IntakeResult | undefined> {
    // For the same requester a weak suggestion is evidence enough of what the matter is about.
    const open = await this.matches.openCaseOf(m, resident.id, { ...a.matter, categoryCode: a.triage.categoryCode ?? a.triage.suggestion?.code ?? null });
    if (!open) return undefined;
    // Photos of the repeat are evidence for the case it repeats: they end there, marked as from the repeat.
    if (req.attachments?.length) await this.attachments.attach(m, open.number, req.attachments, { fromRepeat: true });
    await this.residents.contact(m, { caseNumber: open.number, residentId: resident.id, kind: 'repeat', channel: req.channel, note: req.title, at: now });
    for (const co of coFiles) await this.residents.contact(m, { caseNumber: open.number, residentId: co.id, kind: 'repeat', channel: req.channel, note: '联名', at: now });
    await publishEvent(m, 'case.repeated', { caseNumber: open.number, channel: req.channel, at: now.toISOString() }, intakeContext(correlationId), { caseNumber: open.number });
    if (req.external) await settleExternalRef(m, req.external, { caseNumber: open.number });
    return intakeResult(open, null, 'linked', a.triage, await this.residents.isRepeatRequester(resident.id, m), Boolean(req.attachments?.length));
  }
}
