import type { Level } from '../case';
import type { Duration, LevelLimits, TimeBasis } from './policy';
import type { CaseType, SlaRule, SlaRuleSetDraft } from './rules';

/*
 * The time limits worth shipping (DOMAIN.md "Time limits worth shipping as defaults"), as rule
 * sets an administrator starts from. Every resolve limit counts from the case's arrival at a
 * level, and each level of the ladder is a fresh dispatch with its own clock. Where a source says
 * 日/天 rather than 工作日 the limit is in calendar time, as Chinese statutes read it.
 */

const minutes = (amount: number): Duration => ({ amount, unit: 'minutes' });
const hours = (amount: number): Duration => ({ amount, unit: 'hours' });
const days = (amount: number): Duration => ({ amount, unit: 'days' });

/** A breach higher up has already cost the requester more time, so it costs the unit more. */
const BREACH_POINTS: Record<Level, number> = { grid: 1, village: 1, town: 2, district: 2, conference: 3, leader: 3 };

interface Limits {
  sign: Duration | null;
  resolve: Duration;
  ext?: Duration | null;
  basis?: TimeBasis;
  escalate?: boolean;
}

/** All six levels from one set of limits, with per-level changes; the leader's desk is the top, so it never escalates. */
function ladder(base: Limits, overrides: Partial<Record<Level, Partial<Limits>>> = {}): Record<Level, LevelLimits> {
  const level = (l: Level): LevelLimits => {
    const x = { ...base, ...overrides[l] };
    return { signWithin: x.sign, resolveWithin: x.resolve, basis: x.basis ?? 'calendar', warnAt: [0.5, 0.75], escalateOnBreach: l !== 'leader' && (x.escalate ?? true), breachPoints: BREACH_POINTS[l], maxExtension: x.ext ?? null };
  };
  return { grid: level('grid'), village: level('village'), town: level('town'), district: level('district'), conference: level('conference'), leader: level('leader') };
}

/**
 * 三三制 (Dezhou, 安德街道; seed 004): answer on the spot or dispatch within 3 hours, resolve a
 * reasonable request within 3 days. It is a street-centre rule; the conference (convening
 * departments) and the leader's desk get the Beijing complex limit and twice it.
 */
const sanSan = (id: string, match: SlaRule['match'] = {}): SlaRule => ({
  id,
  name: '三三制：3小时交办，3天解决',
  match,
  levels: ladder({ sign: hours(3), resolve: days(3) }, {
    town: { ext: days(3) },
    district: { ext: days(3) },
    conference: { sign: days(1), resolve: days(15), ext: days(15) },
    leader: { sign: days(1), resolve: days(30) },
  }),
  ratingWithin: days(3),
  reopenLimit: 1,
  source: '德州安德街道“三三制” (seed 004)',
});

/**
 * Beijing 12345 service standard (draft), by class: 2 h / 24 h / 7 days / 15 days, calendar time,
 * at every level. Urgent classes are never extended (they escalate); a general request may be
 * extended up to the complex limit.
 */
function beijing(prefix: string, caseTypes?: CaseType[]): SlaRule[] {
  const rule = (urgency: 'emergency' | 'urgent' | 'normal' | 'complex', name: string, limits: Limits): SlaRule => ({
    id: `${prefix}-${urgency}`,
    name,
    match: { ...(caseTypes && { caseTypes }), urgencies: [urgency] },
    levels: ladder(limits),
    ratingWithin: days(3),
    reopenLimit: 1,
    source: '北京12345服务与管理规范 (draft)',
  });
  return [
    rule('emergency', '北京12345：涉及人身财产安全，2小时', { sign: minutes(30), resolve: hours(2) }),
    rule('urgent', '北京12345：水电气热等，24小时', { sign: hours(2), resolve: hours(24) }),
    rule('normal', '北京12345：一般诉求，7天', { sign: days(1), resolve: days(7), ext: days(8) }),
    rule('complex', '北京12345：复杂诉求，15天', { sign: days(1), resolve: days(15), ext: days(15) }),
  ];
}

/**
 * 信访工作条例 (2022): decide acceptance and notify within 15 days (Art. 22-23), handle within 60
 * days, extendable by at most 30 (Art. 34), calendar days. resolveWithin counts from arrival, so
 * 60 days is stricter than the statute's 60 days from acceptance; we keep the requester's side.
 * The statute's remedy for a missed limit is supervision and accountability, not passing the
 * matter up, so a breach flags and costs points; moving a petition up is done on purpose. An
 * unsatisfied requester may ask the body above for review (复查, Art. 35): reopenLimit 0 sends
 * the case up at the first unsatisfied rating, and the 30 days to ask is the rating window.
 */
const xinfang = (id: string): SlaRule => ({
  id,
  name: '信访工作条例：15日决定受理，60日办结（可延30日）',
  match: { caseTypes: ['petition'] },
  levels: ladder({ sign: days(15), resolve: days(60), ext: days(30), escalate: false }),
  ratingWithin: days(30),
  reopenLimit: 0,
  source: '信访工作条例 (2022) Art. 22-23, 34-35',
});

/**
 * 15-15-15 (Dezhou mini program; seed 004) for urgent grid reports: notice within 15 minutes
 * (sign), intervene within the next 15, serve within the next 15, so 45 minutes to resolve from
 * arrival. Missed at the grid and the village, the town and district get the Beijing emergency
 * 2 hours, the conference and leader a day. Never extended: an urgent matter moves up instead.
 */
const fifteen = (id: string): SlaRule => ({
  id,
  name: '15-15-15：15分钟感知、15分钟介入、15分钟服务到位',
  match: { caseTypes: ['report'], urgencies: ['emergency', 'urgent'] },
  levels: ladder({ sign: minutes(15), resolve: minutes(45) }, {
    town: { sign: minutes(30), resolve: hours(2) },
    district: { sign: minutes(30), resolve: hours(2) },
    conference: { sign: hours(2), resolve: hours(24) },
    leader: { sign: hours(2), resolve: hours(24) },
  }),
  ratingWithin: days(1),
  reopenLimit: 1,
  source: '德州“微连心”小程序 15-15-15 (seed 004)',
});

/**
 * The presets, each valid on its own. 三三制 and Beijing cover every case; 信访 and 15-15-15
 * cover only their own cases and are meant to be combined (see DEMO_DEFAULT_RULE_SET).
 */
export const SLA_PRESETS: Record<string, SlaRuleSetDraft> = {
  'san-san': { name: '三三制', rules: [sanSan('san-san')] },
  'beijing-12345': { name: '北京12345', rules: beijing('beijing') },
  'xinfang-2022': { name: '信访工作条例（2022）', rules: [xinfang('xinfang')] },
  'fifteen-15-15': { name: '15-15-15', rules: [fifteen('fifteen-15-15')] },
};

/**
 * The demo district's set in force from the start: petitions by the statute, urgent grid
 * reports by 15-15-15, requests by the Beijing classes, and 三三制 for everything else
 * (non-urgent grid reports, 舆情).
 */
export const DEMO_DEFAULT_RULE_SET: SlaRuleSetDraft = {
  name: '峄城区默认',
  rules: [xinfang('petition'), fifteen('urgent-report'), ...beijing('request', ['request']), sanSan('default')],
};
