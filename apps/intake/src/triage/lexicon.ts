import { loadDataFile } from './data/load-data';
import { lexiconSchema } from './data/lexicon.schema';

/**
 * What a dispatcher knows (data/lexicon.json): the words that point a request to a sub-item of the category tree
 * (codes from libs/domain/src/org/demo-departments.ts). Per sub-item, words grouped by weight:
 *   3  decisive on its own           (欠薪 → 拖欠工资, 广场舞 → 噪声扰民)
 *   2  strong, usually right         (电梯 → 物业管理, 裂缝 → 房屋安全)
 *   1  supporting, common elsewhere  (小区, 老人, 工地)
 * A word may sit under several sub-items (污水: drains and pollution); the sum over the text decides.
 * Single characters (灯, 吵, 骗) only count when jieba cuts them out as a word of their own.
 */
export type LexiconEntry = Partial<Record<1 | 2 | 3, string>>;

/** From `data/lexicon.json`, loaded and checked once, at boot. */
export const LEXICON: Readonly<Record<string, LexiconEntry>> = loadDataFile('lexicon.json', lexiconSchema);

/** The lexicon as code → word → weight; a word listed twice under one code keeps its higher weight. */
export function compileLexicon(lexicon: Readonly<Record<string, LexiconEntry>> = LEXICON): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const [code, tiers] of Object.entries(lexicon)) {
    const words = new Map<string, number>();
    for (const weight of [1, 2, 3] as const) {
      for (const word of (tiers[weight] ?? '').split(/\s+/).filter(Boolean)) words.set(word.toLowerCase(), weight);
    }
    out.set(code, words);
  }
  return out;
}
