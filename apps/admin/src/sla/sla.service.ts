import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal } from '@fq/auth';
import { Channel, SLA_PRESETS, SlaPolicy, SlaRule, Urgency, assertCoversEveryCase, caseTypeOf, conflict, invalid, isUuid, matchRule, notFound, policyOf, validateRuleSet } from '@fq/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull, LessThanOrEqual, Not } from 'typeorm';
import { audit } from '../audit/audit';
import { SlaRuleSet, SlaRuleSetStatus } from './sla-rule-set.entity';

export interface NewRuleSet {
  name?: string;
  rules?: SlaRule[];
  preset?: string;
}

/** What a rule is chosen by; without an urgency a case is general (normal), as triage leaves it. */
export interface SlaFacts {
  channel: Channel;
  categoryCode?: string | null;
  urgency?: Urgency;
}

/** A stored set with where it stands in the timeline now. */
export type RuleSetView = SlaRuleSet & { inForce: boolean; inForceUntil: Date | null };

export interface ResolvedRule {
  ruleSetId: string;
  version: number;
  ruleSetName: string;
  rule: SlaRule;
}

/** Tolerated clock skew between the console and us; anything earlier would rewrite history. */
const SKEW_MS = 60_000;
/** A transaction-scoped lock on one thing about rule sets (a name, activation). */
const lock = (m: EntityManager, what: string) => m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`admin.sla_rule_set:${what}`]);

@Injectable()
export class SlaService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  presets() {
    return Object.entries(SLA_PRESETS).map(([key, draft]) => ({ key, ...draft }));
  }

  /** Stores the next version of the named set as a draft, after validating it. */
  async create(input: NewRuleSet, by: Principal): Promise<RuleSetView> {
    const preset = input.preset === undefined ? undefined : SLA_PRESETS[input.preset];
    if (input.preset !== undefined && !preset) throw invalid('SLA_PRESET_UNKNOWN', `There is no preset "${input.preset}"; the presets are ${Object.keys(SLA_PRESETS).join(', ')}.`);
    const name = input.name ?? preset?.name ?? '';
    const { rules } = validateRuleSet({ name, rules: structuredClone(input.rules ?? preset?.rules ?? []) });
    const id = randomUUID();
    await this.ds.transaction(async (m) => {
      // Two admins saving the same name at once get n+1 and n+2, not a unique violation.
      await lock(m, `name:${name}`);
      const [{ max }] = await m.query(`SELECT coalesce(max(version), 0)::int AS max FROM admin.sla_rule_set WHERE name = $1`, [name]);
      const version = max + 1;
      await m.insert(SlaRuleSet, { id, name, version, status: 'draft', activeFrom: null, rules, preset: input.preset ?? null, createdBy: by.login });
      await audit(m, by, 'sla.rule-set.created', id, { name, version, preset: input.preset ?? null, rules: rules.map((r) => r.id) });
    });
    return this.get(id);
  }

  async list(filter: { name?: string; status?: SlaRuleSetStatus } = {}): Promise<RuleSetView[]> {
    const rows = await this.ds.getRepository(SlaRuleSet).find({ where: filter.name ? { name: filter.name } : {}, order: { createdAt: 'DESC', version: 'DESC' } });
    const views = await this.views(rows);
    return filter.status ? views.filter((v) => v.status === filter.status) : views;
  }

  async get(id: string): Promise<RuleSetView> {
    const row = isUuid(id) ? await this.ds.getRepository(SlaRuleSet).findOneBy({ id }) : null;
    if (!row) throw notFound('SLA_RULE_SET_NOT_FOUND', `There is no SLA rule set ${id}.`);
    return (await this.views([row]))[0];
  }

  /**
   * Puts a draft in force from `activeFrom` (default now; never in the past, so what applied to
   * a case yesterday stays what applied). Sets before it stay in the history for `inForceAt`.
   */
  async activate(id: string, activeFrom: Date | undefined, by: Principal): Promise<RuleSetView> {
    const now = new Date();
    if (activeFrom && activeFrom.getTime() < now.getTime() - SKEW_MS) {
      throw invalid('SLA_ACTIVE_FROM_IN_PAST', `activeFrom ${activeFrom.toISOString()} is in the past; a rule set can only come into force from now on.`);
    }
    const from = activeFrom && activeFrom > now ? activeFrom : now;
    await this.ds.transaction(async (m) => {
      await lock(m, 'activate');
      const set = isUuid(id) ? await m.findOneBy(SlaRuleSet, { id }) : null;
      if (!set) throw notFound('SLA_RULE_SET_NOT_FOUND', `There is no SLA rule set ${id}.`);
      if (set.status !== 'draft') throw conflict('SLA_RULE_SET_NOT_DRAFT', `"${set.name}" version ${set.version} is ${set.status}; only a draft can be activated, so create a new version.`);
      assertCoversEveryCase(set);
      const taken = await m.findOneBy(SlaRuleSet, { activeFrom: from });
      if (taken) throw conflict('SLA_ACTIVE_FROM_TAKEN', `"${taken.name}" version ${taken.version} already comes into force at ${from.toISOString()}; pick another instant.`);
      await m.update(SlaRuleSet, { id }, { status: 'active', activeFrom: from });
      const retired = await retireSuperseded(m, now);
      await audit(m, by, 'sla.rule-set.activated', id, { name: set.name, version: set.version, activeFrom: from.toISOString(), retired });
      for (const r of retired) await audit(m, by, 'sla.rule-set.retired', r, { activated: id });
    });
    return this.get(id);
  }

  /** The set in force at an instant: the activated one with the latest start at or before it. */
  inForceAt(at: Date): Promise<SlaRuleSet | null> {
    return this.ds.getRepository(SlaRuleSet).findOne({ where: { activeFrom: LessThanOrEqual(at) }, order: { activeFrom: 'DESC' } });
  }

  async resolveRule(facts: SlaFacts, at: Date = new Date()): Promise<ResolvedRule> {
    const set = await this.inForceAt(at);
    if (!set) throw notFound('SLA_NO_RULE_SET_IN_FORCE', `No SLA rule set is in force at ${at.toISOString()}.`);
    const f = { caseType: caseTypeOf(facts.channel), categoryCode: facts.categoryCode ?? null, urgency: facts.urgency ?? 'normal' };
    const rule = matchRule(set.rules, f);
    if (!rule) {
      const category = f.categoryCode === null ? 'no category' : `category ${f.categoryCode}`;
      throw notFound('SLA_NO_MATCHING_RULE', `No rule of "${set.name}" version ${set.version} matches a ${f.caseType} case with ${category} and urgency ${f.urgency}; add a rule or a catch-all default.`);
    }
    return { ruleSetId: set.id, version: set.version, ruleSetName: set.name, rule };
  }

  /** The policy a case starts a level with; the caller adds the calendar snapshot. */
  async resolve(facts: SlaFacts, at: Date = new Date()): Promise<Omit<SlaPolicy, 'calendar'>> {
    const r = await this.resolveRule(facts, at);
    return policyOf({ id: r.ruleSetId, version: r.version }, r.rule);
  }

  /** Status from the timeline as of now, so a set superseded since the last activation reads retired. */
  private async views(rows: SlaRuleSet[]): Promise<RuleSetView[]> {
    const starts = (await this.ds.getRepository(SlaRuleSet).find({ select: { id: true, activeFrom: true }, where: { activeFrom: Not(IsNull()) }, order: { activeFrom: 'ASC' } })) as { id: string; activeFrom: Date }[];
    const now = Date.now();
    let current = -1;
    while (current + 1 < starts.length && starts[current + 1].activeFrom.getTime() <= now) current++;
    return rows.map((row) => {
      const i = starts.findIndex((s) => s.id === row.id);
      const inForceUntil = i < 0 ? null : (starts[i + 1]?.activeFrom ?? null);
      const status: SlaRuleSetStatus = i < 0 ? 'draft' : inForceUntil && inForceUntil.getTime() <= now ? 'retired' : 'active';
      return { ...row, status, inForce: i >= 0 && i === current, inForceUntil };
    });
  }
}

/** Marks active sets whose successor has come into force; they still answer for their own period. */
async function retireSuperseded(m: EntityManager, now: Date): Promise<string[]> {
  const result = await m
    .createQueryBuilder()
    .update(SlaRuleSet)
    .set({ status: 'retired' })
    .where(`status = 'active' AND active_from < (SELECT max(active_from) FROM admin.sla_rule_set WHERE active_from <= :now)`, { now })
    .returning(['id'])
    .execute();
  return (result.raw as { id: string }[]).map((r) => r.id);
}
