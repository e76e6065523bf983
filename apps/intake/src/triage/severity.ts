import { SIZE_CLASSES, type EmergencyService, type SizeClass, type UrgencyClass } from '@fq/domain';
import { learnedOpinion } from './severity.learned';
import { countsIn } from './severity.numbers';
import { RULES, type Rule } from './severity.rules';

/**
 * How serious a request is, read from its Chinese text: Beijing's urgency class, Dezhou's 大中小 size
 * class, whether it must be reported upward at once, and the emergency service it belongs to.
 *
 * Keyword and pattern rules (severity.rules.ts), numbers read from the text (severity.numbers.ts),
 * and a learned model (severity.learned.ts) that may raise urgency to emergency and flag a request
 * for reporting upward when the rules miss its wording.
 * A suggestion for the operator, who may change any of it. Thresholds:
 * - people named in the text (or `hints.peopleCount`, a petition's 人数): ≥ 5 is collective → at least
 *   medium (a visit of many people elects representatives, at most five: 信访条例 2005 Art. 18, kept
 *   by the 2022 信访工作条例; five and more is treated as a 集体访); ≥ 50 → large, and a petition of
 *   ≥ 50 visitors is also reported upward.
 * - households (户, 家, 口) ≥ 5 → medium, never large by count alone: hundreds of households is one
 *   community or village, which Dezhou's rule sends to the town.
 * - villages or communities: two → medium, three or more (or 全镇, 周边各村) → large.
 * - money: ≥ 100,000 yuan → medium, ≥ 1,000,000 yuan → large.
 * An emergency of medium or large size is always reported upward.
 * Urgency: emergency > urgent > complex > normal. Hand-off: 119 > 110 > 120 (fire and rescue lead on
 * a scene; violence with injuries is a police matter first).
 */
export interface Severity {
  urgency: UrgencyClass;
  size: SizeClass;
  reportUpward: boolean;
  handOff: EmergencyService | null;
  /** What was matched, for the dispatcher, e.g. 燃气/危化品泄漏, 约30户. */
  reasons: string[];
}

export interface SeverityHints {
  /** A petition's number of visitors (人数). */
  peopleCount?: number;
}

/** Probabilities from which the learned model's opinion is taken. Report-upward is taken early:
 *  a miss is the costly error, a false alarm a minute of a leader's time. */
const LEARNED_EMERGENCY_AT = 0.4;
const LEARNED_REPORT_AT = 0.2;
const COLLECTIVE = 5;
const LARGE_GROUP = 50;
const URGENCY_ORDER: readonly UrgencyClass[] = ['normal', 'complex', 'urgent', 'emergency'];
const HANDOFF_ORDER: readonly EmergencyService[] = ['120', '110', '119'];

/** Clause boundaries: the scope of a negation or a time word. */
const CLAUSE_END = /[，。；！？,;!?\n]/;
const NEGATION = /没有|没|不是|并非|并未|未|无|别|不会|不用|差点|险些|幸好|幸亏/;
/** Phrases that contain a negation word but do not negate what follows them. */
const NOT_NEGATION = /无法|没法|没办法|没人管|没人理|没人应|没人接|没人来/g;
const HYPOTHETICAL = /万一|担心|害怕|怕|防止|以防|容易|可能会|会不会|迟早|早晚|要是|如果|存在/;
const PLANNED = /扬言|说要|要去|准备|打算|商量|计划|组织|威胁|再不|就要|要把|要拿/;
const PAST = /上个?月|去年|前年|上周|上星期|前几天|前两天|之前|以前|曾经|那次|当时|(?<!从)昨(?:天|晚|儿)/;
/** 天天有人打架 is a standing nuisance to deal with, not an event to send a patrol car to. */
const HABITUAL = /天天|每天|经常|老是|总是|三天两头|动不动|隔三差五|喝了?酒就|一[^，。]{1,3}就/;
const RESOLVED = /已经送(?:到|去)?医院了|已送医|不是(?:漏气|着火|起火|火灾|煤气|燃气)|没有?漏气|修好|恢复|来电了|来水了|扑灭|灭了|弄出来|救出来|救上来|捞上来|处理好了|现在好了|后来发现|后来才知道|原来是|虚惊一场|被骗了/;

function clauseBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && !CLAUSE_END.test(text[start - 1])) start--;
  return text.slice(start, index);
}

/** The clause before the one holding `index` (昨晚十点多，有人抢了我的包: the time is set there). */
function previousClause(text: string, index: number): string {
  const start = index - clauseBefore(text, index).length;
  return start > 0 ? clauseBefore(text, start - 1) : '';
}

function clauseAround(text: string, index: number): string {
  let end = index;
  while (end < text.length && !CLAUSE_END.test(text[end])) end++;
  return clauseBefore(text, index) + text.slice(index, end);
}

/** Whether one match of `rule` at `index` counts, by the rule's mode (see severity.rules.ts). */
function counts(rule: Rule, text: string, index: number, length: number): boolean {
  const before = clauseBefore(text, index);
  const near = before.slice(-5).replace(NOT_NEGATION, '');
  if (NEGATION.test(near)) return false;
  if (rule.notAfter?.test(before.slice(-4))) return false;
  if (rule.notWith?.test(clauseAround(text, index))) return false;
  if (rule.mode === 'threat') return true;
  if (HYPOTHETICAL.test(before.slice(-8)) || /^.{0,2}隐患/.test(text.slice(index + length))) return false;
  if (rule.mode === 'fact') return true;
  return !PLANNED.test(before) && !PAST.test(previousClause(text, index) + before) && !HABITUAL.test(before);
}

/** Each rule's pattern with the global flag, compiled once (matchAll copies it, so sharing is safe). */
const GLOBAL = new Map(RULES.map((rule) => [rule, new RegExp(rule.re.source, rule.re.flags.replace('g', '') + 'g')]));

function matches(rule: Rule, text: string): boolean {
  if (rule.alsoIn && !rule.alsoIn.test(text)) return false;
  if (rule.notIn?.test(text)) return false;
  const found = [...text.matchAll(GLOBAL.get(rule) ?? rule.re)];
  if (found.length === 0) return false;
  // An event in progress that the text later says is over (已经修好了, 后来发现不是) no longer counts.
  if (rule.mode === 'now' && RESOLVED.test(text.slice(found[0].index + found[0][0].length))) return false;
  return found.some((m) => counts(rule, text, m.index, m[0].length));
}

const bySize = (a: SizeClass, b: SizeClass) => (SIZE_CLASSES.indexOf(a) >= SIZE_CLASSES.indexOf(b) ? a : b);

export function assessSeverity(input: string, hints: SeverityHints = {}): Severity {
  const text = input.normalize('NFKC').replace(/\s+/g, '');
  const n = countsIn(text);
  const visitors = hints.peopleCount ?? 0;
  const people = Math.max(n.people, visitors);
  const reasons: string[] = [];
  let urgency: UrgencyClass = 'normal';
  let size: SizeClass = 'small';
  let reportUpward = false;
  let handOff: EmergencyService | null = null;
  const raise = (reason: string, s: SizeClass) => {
    size = bySize(size, s);
    reasons.push(reason);
  };

  const active = new Set<string>();
  for (const rule of RULES) {
    if (rule.minPeople !== undefined && people < rule.minPeople) continue;
    if (rule.needs !== undefined && !active.has(rule.needs)) continue;
    if (!matches(rule, text)) continue;
    active.add(rule.reason);
    reasons.push(rule.reason);
    if (rule.urgency && URGENCY_ORDER.indexOf(rule.urgency) > URGENCY_ORDER.indexOf(urgency)) urgency = rule.urgency;
    if (rule.size) size = bySize(size, rule.size);
    if (rule.reportUpward) reportUpward = true;
    if (rule.handOff && (!handOff || HANDOFF_ORDER.indexOf(rule.handOff) > HANDOFF_ORDER.indexOf(handOff))) handOff = rule.handOff;
  }

  if (n.people >= LARGE_GROUP) raise(`涉及约${n.people}人`, 'large');
  else if (n.people >= COLLECTIVE) raise(`涉及约${n.people}人`, 'medium');
  if (n.households >= COLLECTIVE) raise(`涉及约${n.households}户`, 'medium');
  if (n.places >= 3) raise(`涉及${n.places}个以上村或社区`, 'large');
  else if (n.places === 2) raise('涉及两个村或社区', 'medium');
  if (n.yuan >= 1e6) raise(`金额约${n.yuan / 1e4}万元`, 'large');
  else if (n.yuan >= 1e5) raise(`金额约${n.yuan / 1e4}万元`, 'medium');
  if (visitors >= LARGE_GROUP) {
    raise(`来访${visitors}人（大规模集体访）`, 'large');
    reportUpward = true;
  } else if (visitors >= COLLECTIVE) raise(`来访${visitors}人（集体访）`, 'medium');

  // The learned model (severity.learned.ts) catches wording the rules miss; it only ever raises.
  const learned = learnedOpinion(text);
  if (learned.emergency >= LEARNED_EMERGENCY_AT && urgency !== 'emergency') {
    urgency = 'emergency';
    reasons.push(`模型判断紧急（${Math.round(learned.emergency * 100)}%）`);
  }
  if (learned.reportUpward >= LEARNED_REPORT_AT && !reportUpward) {
    reportUpward = true;
    reasons.push(`模型判断需立即上报（${Math.round(learned.reportUpward * 100)}%）`);
  }
  // An emergency that reaches many people or places is always the leadership's to know at once.
  if (urgency === 'emergency' && size !== 'small' && !reportUpward) {
    reportUpward = true;
    reasons.push('紧急且涉及多人或多处');
  }
  return { urgency, size, reportUpward, handOff, reasons: [...new Set(reasons)] };
}
