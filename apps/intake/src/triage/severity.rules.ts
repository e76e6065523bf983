import type { EmergencyService, SizeClass, UrgencyClass } from '@fq/domain';
import { loadDataFile } from './data/load-data';
import { severityRulesSchema } from './data/severity-rules.schema';

/**
 * How a match is read:
 * - `now`: an event in progress. It does not count when negated (不是着火), hypothetical (万一着火),
 *   planned or threatened (扬言要拿刀), in the past (上个月被偷), or resolved later in the text
 *   (已经修好了, 后来发现是烧纸).
 * - `fact`: something that happened or is the case, whenever. Negated or hypothetical does not count.
 * - `threat`: what someone says they will do (再不给钱就跳楼, 要去北京上访). Only a negation cancels it.
 */
export type Mode = 'now' | 'fact' | 'threat';

export interface Rule {
  /** Shown to the dispatcher as what was matched. */
  reason: string;
  re: RegExp;
  mode: Mode;
  urgency?: UrgencyClass;
  /** At least this size. */
  size?: SizeClass;
  reportUpward?: true;
  handOff?: EmergencyService;
  /** Counts only when another rule (named by its reason) counts too. */
  needs?: string;
  /** Counts only when the text or the hints name at least this many people. */
  minPeople?: number;
  /** Does not count when the few characters before the match have this: 要出人命 is a warning. */
  notAfter?: RegExp;
  /** Does not count when the clause has this: 狗被撞死 is not a death in the sense that matters. */
  notWith?: RegExp;
  /** Counts only when the text also has this somewhere (寒潮 for a person out in the cold). */
  alsoIn?: RegExp;
  /** Does not count when the text has this anywhere (敲门没人应 beside a fire means nobody is home). */
  notIn?: RegExp;
}

/**
 * The rules, in the order they are tried, from `data/severity-rules.json` (each with the reason the
 * dispatcher sees and, in `note`, why it reads as it does). Loaded and checked once, at boot.
 */
export const RULES: readonly Rule[] = loadDataFile('severity-rules.json', severityRulesSchema).rules;
