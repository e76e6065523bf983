import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal } from '@fq/auth';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ResidentsService } from '../residents/residents.service';
import { CaseRecord } from '../shared/case.entity';
import type { TriageOutcome } from '../shared/triage-outcome';
import { CaseRecorder } from './case-recorder';
import { claimExternalRef } from './external-refs';
import { IntakeRequest, IntakeResult } from './intake-request';
import { intakeResult } from './intake-result';
import { MatchFinder } from './match-finder';
import { RepeatLinker } from './repeat-linker';
import { Assessment, RequestAssessor } from './request-assessor';

export interface AcceptOptions {
  /** The triage a caller already ran on this very request (opinion items decide case or alert on it). */
  assessed?: TriageOutcome;
  /** The caller's own change to commit with the request, or not at all (an opinion alert marked converted). */
  alongside?: (m: EntityManager, result: IntakeResult) => Promise<void>;
}

/**
 * One intake for every channel. The request is assessed first (`RequestAssessor`: triage, place,
 * grid, dispatch plan); then, in one transaction: another system's id seen before answers its
 * case; the residents' files (locked in one order); a repeat of an open matter linked to it
 * (`RepeatLinker`); a cluster joined (`MatchFinder`); or a new case recorded with its event and the
 * command that starts its workflow (`CaseRecorder`). Whatever is down afterwards, an accepted
 * request is never lost.
 */
@Injectable()
export class IntakeService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly assessor: RequestAssessor,
    private readonly residents: ResidentsService,
    private readonly repeats: RepeatLinker,
    private readonly matches: MatchFinder,
    private readonly recorder: CaseRecorder,
  ) {}

  async accept(req: IntakeRequest, by: Principal | { login: string }, correlationId: string = randomUUID(), opts: AcceptOptions = {}): Promise<IntakeResult> {
    const a = await this.assessor.assess(req, opts.assessed);
    return this.ds.transaction(async (m) => {
      const result = await this.store(m, req, a, by.login, correlationId);
      await opts.alongside?.(m, result);
      return result;
    });
  }

  private async store(m: EntityManager, req: IntakeRequest, a: Assessment, by: string, correlationId: string): Promise<IntakeResult> {
    if (req.external) {
      const earlier = (await claimExternalRef(m, req.external))?.caseNumber;
      const known = earlier ? await m.findOneBy(CaseRecord, { number: earlier }) : null;
      if (known) return intakeResult(known, null, known.disposition, a.triage, false);
    }
    const now = new Date();
    // Every signer's file, locked in one order: two joint petitions naming the same people cannot deadlock.
    const files = await this.residents.filesFor(m, [...(req.requester ? [req.requester] : []), ...(req.coRequesters ?? [])], now);
    const resident = req.requester ? files[0] : null;
    const coFiles = req.requester ? files.slice(1) : files;
    const mergeable = !req.outcome && !req.separate;
    if (resident && mergeable) {
      const linked = await this.repeats.link(m, req, a, resident, coFiles, correlationId, now);
      if (linked) return linked;
    }
    const lead = mergeable ? await this.matches.clusterLeadFor(m, a.matter, now) : undefined;
    return this.recorder.record(m, { req, a, resident, coFiles, lead, by, correlationId, now });
  }
}
