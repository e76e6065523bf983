import { DEMO_DEFAULT_RULE_SET, SLA_PRESETS, SlaRuleSetDraft } from '@fq/domain';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { audit } from '../audit/audit';
import { SlaRuleSet } from './sla-rule-set.entity';

/**
 * On a database without rule sets: every preset as a draft (version 1) and the demo district's
 * default set in force from the epoch, so every case ever registered has a rule. Later runs add
 * nothing: the administrators own the rule sets from then on.
 */
export async function seedSlaRuleSets(m: EntityManager): Promise<number> {
  // Two seeds at once (parallel test suites) must not both find the table empty.
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('admin.sla_rule_set:seed'))`);
  if (await m.exists(SlaRuleSet)) return 0;
  const row = (draft: SlaRuleSetDraft, preset: string | null, activeFrom: Date | null) =>
    m.create(SlaRuleSet, { id: randomUUID(), name: draft.name, version: 1, status: activeFrom ? 'active' : 'draft', activeFrom, rules: structuredClone(draft.rules), preset, createdBy: 'seed' });
  const rows = [...Object.entries(SLA_PRESETS).map(([key, draft]) => row(draft, key, null)), row(DEMO_DEFAULT_RULE_SET, null, new Date(0))];
  await m.insert(SlaRuleSet, rows);
  for (const r of rows) {
    await audit(m, 'seed', 'sla.rule-set.created', r.id, { name: r.name, version: 1, preset: r.preset, rules: r.rules.map((x) => x.id) });
    if (r.activeFrom) await audit(m, 'seed', 'sla.rule-set.activated', r.id, { name: r.name, version: 1, activeFrom: r.activeFrom.toISOString(), retired: [] });
  }
  return rows.length;
}
