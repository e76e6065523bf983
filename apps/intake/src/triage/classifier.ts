import { type CategoryDef, demoDistrict } from '@fq/domain';
import { LEXICON, type LexiconEntry, compileLexicon } from './lexicon';
import { addWords, normalize, segment } from './segmenter';

export type CategorySuggestion = {
  /** A sub-item of the category tree, e.g. C03-01. */
  categoryCode: string;
  /** Its name, e.g. 噪声扰民. */
  name: string;
  /** In [0, 1]: the sub-item's share of all the evidence found, shrunk when there is little of it. */
  confidence: number;
  /** The lexicon words that were found, strongest first. */
  matched: string[];
};

/**
 * A keyword that jieba cut out as a word of its own is full evidence. One that only occurs inside
 * other words (路灯 in 路/灯不亮, 养老 in 养老保险) is weaker: it is often the right reading, but
 * sometimes a different word that happens to contain it.
 */
const SUBSTRING_FACTOR = 0.5;

/**
 * Evidence mass of "none of these": confidence = score / (sum of all scores + PRIOR). One decisive
 * word alone (weight 3) gives 0.6, two give 0.75; a weak word alone (1) gives 0.33.
 */
const PRIOR = 2;

/** Code-point order: unlike localeCompare, the same on every machine. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A word followed by one of these names where the matter is, not what it is: 学校门口那段路 is
 * about a road, 小区门口的水果店 about a shop. Such a word counts for LOCATION_FACTOR of its weight.
 */
const LOCATIVES: ReadonlySet<string> = new Set(
  '旁边 附近 门口 对面 边上 周边 周围 后面 前面 外面 后边 前边 东边 西边 南边 北边 东侧 西侧 南侧 北侧 一带 隔壁 路口'.split(' '),
);
const LOCATION_FACTOR = 0.25;

/** Below this score a text has no real evidence for anything: no suggestion, the operator picks. */
const MIN_SCORE = 1;

/**
 * Suggests categories for a request from its text, scoring the lexicon's keywords found in the
 * segmented text. Deterministic: same text, same suggestions, in the same order. The operator may
 * always choose another category; this only ranks the likely ones.
 */
export class CategoryClassifier {
  private readonly lexicon: Map<string, Map<string, number>>;
  private readonly names: Map<string, string>;

  constructor(
    categories: readonly CategoryDef[] = demoDistrict().categories,
    lexicon: Readonly<Record<string, LexiconEntry>> = LEXICON,
  ) {
    this.names = new Map(categories.map((c) => [c.code, c.name]));
    this.lexicon = compileLexicon(lexicon);
    const unknown = [...this.lexicon.keys()].filter((code) => !this.names.has(code));
    if (unknown.length) throw new Error(`lexicon names categories that are not in the tree: ${unknown.join(', ')}`);
    addWords([...this.lexicon.values()].flatMap((words) => [...words.keys()]));
  }

  suggest(text: string, top = 3): CategorySuggestion[] {
    const scored = this.score(text).filter((s) => s.score > 0);
    if (scored.length === 0 || scored[0].score < MIN_SCORE) return [];
    const total = scored.reduce((sum, s) => sum + s.score, 0) + PRIOR;
    return scored.slice(0, Math.max(0, top)).map((s) => ({
      categoryCode: s.code,
      name: this.names.get(s.code) ?? s.code,
      confidence: Math.round((s.score / total) * 1000) / 1000,
      matched: s.matched,
    }));
  }

  /** Every sub-item's score, best first; ties go to the lower code so that the order never varies. */
  score(text: string): { code: string; score: number; matched: string[] }[] {
    const sequence = segment(text);
    const tokens = new Map<string, number>();
    sequence.forEach((t, i) => {
      const factor = LOCATIVES.has(sequence[i + 1]) ? LOCATION_FACTOR : 1;
      tokens.set(t, Math.max(tokens.get(t) ?? 0, factor));
    });
    const plain = normalize(text);
    const out = [...this.lexicon].map(([code, words]) => {
      const hits: { word: string; weight: number }[] = [];
      for (const [word, weight] of words) {
        const asToken = tokens.get(word);
        if (asToken) hits.push({ word, weight: weight * asToken });
        else if ([...word].length > 1 && plain.includes(word)) hits.push({ word, weight: weight * SUBSTRING_FACTOR });
      }
      hits.sort((a, b) => b.weight - a.weight || byText(a.word, b.word));
      return { code, score: hits.reduce((sum, h) => sum + h.weight, 0), matched: hits.map((h) => h.word) };
    });
    return out.sort((a, b) => b.score - a.score || byText(a.code, b.code));
  }
}
