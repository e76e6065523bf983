import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal } from '@fq/auth';
import { formatCaseNumber } from '@fq/domain';
import { publishEvent } from '@fq/events';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AttachmentsService } from '../attachments/attachments.service';
import { CaseRecord, TriageRecord } from '../shared/case.entity';
import { DispatchPlanner } from '../dispatch/dispatch-planner';
import type { DispatchPlan } from '../dispatch/dispatch-plan';
import { AddressBook, Whereabouts } from '../org/address-book';
import { GridLocator, Placement } from '../org/grid-locator';
import { ResidentsService } from '../residents/residents.service';
import { segment } from '../triage/segmenter';
import { startCaseWorkflow } from './case-workflow';
import { IntakeRequest, IntakeResult, TriageOutcome } from './intake-request';
import { claimExternalRef, settleExternalRef } from './external-refs';
import { MatchFinder } from './match-finder';
import { hashQueryCode, newQueryCode } from './query-code';
import { Triage } from './triage';

export interface AcceptOptions {
  /** The triage a caller already ran on this very request (opinion items decide case or alert on it). */
  assessed?: TriageOutcome;
  /** The caller's own change to commit with the request, or not at all (an opinion alert marked converted). */
  alongside?: (m: EntityManager, result: IntakeResult) => Promise<void>;
}

/** What the case keeps of how its place was found. */
function locatedRecord(w: Whereabouts): TriageRecord['located'] {
  if (w.by === 'address') return { by: 'address', matched: w.matched, addressId: w.addressId };
  if (w.by === 'none' && w.ambiguous) return { by: 'none', ambiguous: w.ambiguous };
  return { by: w.by };
}

/**
 * One intake for every channel. Triage runs first (category, urgency, size, the place from the
 * coordinates or a known address, grid, dispatch plan);
 * then, in one transaction: the resident's file, a repeat of an open matter linked to it, a
 * cluster joined, or a new case recorded with its event and the command that starts its workflow.
 * Whatever is down afterwards, an accepted request is never lost.
 */
@Injectable()
export class IntakeService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly locator: GridLocator,
    private readonly addresses: AddressBook,
    private readonly planner: DispatchPlanner,
    private readonly residents: ResidentsService,
    private readonly attachments: AttachmentsService,
    private readonly matches: MatchFinder,
    private readonly triage: Triage,
  ) {}

  async accept(req: IntakeRequest, by: Principal | { login: string }, correlationId: string = randomUUID(), opts: AcceptOptions = {}): Promise<IntakeResult> {
    const triage = opts.assessed ?? (await this.triage.assess(req));
    const where = await this.addresses.locate(req);
    const { location } = where;
    const placement = await this.locator.place(location);
    const plan = req.outcome ? undefined : await this.planner.plan({ categoryCode: triage.categoryCode, size: triage.size, placement });
    const matter = { categoryCode: triage.categoryCode, gridCode: placement.grid?.code ?? null, location, words: segment(`${req.title} ${req.description}`) };

    const store = async (m: EntityManager): Promise<IntakeResult> => {
      if (req.external) {
        const earlier = (await claimExternalRef(m, req.external))?.caseNumber;
        const known = earlier ? await m.findOneBy(CaseRecord, { number: earlier }) : null;
        if (known) return this.result(known, null, known.disposition, triage, false);
      }
      const now = new Date();
      const resident = req.requester ? await this.residents.fileFor(m, req.requester, now) : null;

      if (resident && !req.outcome && !req.separate) {
        // For the same requester a weak suggestion is evidence enough of what the matter is about.
        const open = await this.matches.openCaseOf(m, resident.id, { ...matter, categoryCode: triage.categoryCode ?? triage.suggestion?.code ?? null });
        if (open) {
          await this.residents.contact(m, { caseNumber: open.number, residentId: resident.id, kind: 'repeat', channel: req.channel, note: req.title, at: now });
          await this.fileCoRequesters(m, req, open.number, 'repeat', now);
          await publishEvent(m, 'case.repeated', { caseNumber: open.number, channel: req.channel, at: now.toISOString() }, this.ctx(correlationId), { caseNumber: open.number });
          if (req.external) await settleExternalRef(m, req.external, { caseNumber: open.number });
          return this.result(open, null, 'linked', triage, await this.residents.isRepeatRequester(resident.id, m));
        }
      }
      const lead = !req.outcome && !req.separate ? await this.matches.clusterLeadFor(m, matter, now) : undefined;

      const [{ seq }] = await m.query(`SELECT nextval('intake.case_number_seq') AS seq`);
      const number = formatCaseNumber(now, Number(seq));
      const queryCode = req.requester ? newQueryCode() : null;
      const record = this.record(m, { req, number, now, triage, where, placement, plan, lead, by: by.login, correlationId, queryCode, residentId: resident?.id ?? null });
      await m.insert(CaseRecord, record);
      if (req.attachments?.length) await this.attachments.attach(m, number, req.attachments);
      if (resident) await this.residents.contact(m, { caseNumber: number, residentId: resident.id, kind: lead ? 'merged' : 'registered', channel: req.channel, at: now });
      await this.fileCoRequesters(m, req, number, lead ? 'merged' : 'registered', now);
      if (lead) await this.matches.noteGrowth(m, lead);
      if (req.external) await settleExternalRef(m, req.external, { caseNumber: number });
      await this.announce(m, record, triage, correlationId);
      if (plan && !lead) await startCaseWorkflow(m, record, plan, correlationId);
      return this.result(record, queryCode, record.disposition, triage, resident ? await this.residents.isRepeatRequester(resident.id, m) : false);
    };
    return this.ds.transaction(async (m) => {
      const result = await store(m);
      await opts.alongside?.(m, result);
      return result;
    });
  }

  /** Each co-requester's file gets the case too (一人一档): a joint petition is in every signer's file. */
  private async fileCoRequesters(m: EntityManager, req: IntakeRequest, caseNumber: string, kind: 'registered' | 'merged' | 'repeat', at: Date): Promise<void> {
    for (const co of req.coRequesters ?? []) {
      const file = await this.residents.fileFor(m, co, at);
      await this.residents.contact(m, { caseNumber, residentId: file.id, kind, channel: req.channel, note: '联名', at });
    }
  }

  private record(
    m: EntityManager,
    a: { req: IntakeRequest; number: string; now: Date; triage: TriageOutcome; where: Whereabouts; placement: Placement; plan?: DispatchPlan; lead?: CaseRecord; by: string; correlationId: string; queryCode: string | null; residentId: string | null },
  ): CaseRecord {
    const { req, triage, placement, plan, lead } = a;
    const handler = lead ? { level: lead.level, unit: { code: lead.unitCode, name: lead.unitName } } : (plan ?? { level: placement.grid ? 'grid' : 'district', unit: placement.unit });
    return m.create(CaseRecord, {
      number: a.number,
      channel: req.channel,
      title: req.title,
      description: req.description,
      categoryCode: triage.categoryCode,
      urgency: triage.urgency,
      lat: a.where.location?.lat ?? null,
      lng: a.where.location?.lng ?? null,
      address: a.where.location?.address ?? req.address ?? null,
      requesterName: req.requester?.name ?? null,
      residentId: a.residentId,
      ...(req.requester ? this.residents.sealed(req.requester) : {}),
      phoneVerified: req.requester?.phoneVerified ?? false,
      gridCode: placement.grid?.code ?? null,
      level: handler.level,
      status: req.outcome ? 'closed' : lead ? lead.status : 'registered',
      unitCode: handler.unit.code,
      unitName: handler.unit.name,
      workOrderId: null,
      registeredBy: a.by,
      correlationId: a.correlationId,
      registeredAt: a.now,
      assignedAt: null,
      queryCodeHash: a.queryCode ? hashQueryCode(a.number, a.queryCode) : null,
      sizeClass: triage.size,
      reportUpward: triage.reportUpward,
      departmentMatter: plan?.departmentMatter ?? false,
      triage: {
        suggestedCategory: triage.suggestion ? { code: triage.suggestion.code, confidence: triage.suggestion.confidence } : null,
        categorySource: triage.categorySource,
        reasons: triage.reasons,
        detected: triage.detected,
        operator: triage.operator,
        ...(plan ? { dispatch: { entryId: plan.entryId, reason: plan.reason } } : {}),
        located: locatedRecord(a.where),
      },
      disposition: req.outcome?.kind ?? (lead ? 'merged' : 'dispatched'),
      dispositionReason: req.outcome?.reason ?? null,
      handOff: req.outcome?.handOff ?? null,
      clusterId: lead?.clusterId ?? null,
      mergedInto: lead?.number ?? null,
      details: req.details ?? null,
    });
  }

  private async announce(m: EntityManager, c: CaseRecord, triage: TriageOutcome, correlationId: string): Promise<void> {
    await publishEvent(
      m,
      'case.registered',
      {
        caseNumber: c.number,
        channel: c.channel,
        title: c.title,
        categoryCode: c.categoryCode,
        location: c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng, address: c.address } : null,
        gridCode: c.gridCode,
        level: c.level,
        unitCode: c.unitCode,
        registeredAt: c.registeredAt.toISOString(),
        urgency: triage.urgency,
        size: triage.size,
        reportUpward: triage.reportUpward,
        disposition: c.disposition,
        dispositionReason: c.dispositionReason,
        handOff: c.handOff,
        mergedInto: c.mergedInto,
        clusterId: c.clusterId,
      },
      this.ctx(correlationId),
      { caseNumber: c.number },
    );
  }

  private result(c: CaseRecord, queryCode: string | null, disposition: IntakeResult['disposition'], triage: TriageOutcome, repeatRequester: boolean): IntakeResult {
    return {
      caseNumber: c.number,
      queryCode,
      disposition,
      status: c.status,
      mergedInto: c.mergedInto,
      clusterId: c.clusterId,
      gridCode: c.gridCode,
      level: c.disposition === 'dispatched' || c.disposition === 'merged' ? c.level : null,
      unit: c.disposition === 'dispatched' || c.disposition === 'merged' ? { code: c.unitCode, name: c.unitName } : null,
      repeatRequester,
      triage,
      located: c.triage?.located ?? { by: c.lat !== null ? 'coordinates' : 'none' },
    };
  }

  private ctx(correlationId: string) {
    return { producer: 'intake', correlationId, causationId: correlationId };
  }
}
