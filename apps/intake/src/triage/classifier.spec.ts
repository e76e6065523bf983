import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoDistrict } from '@fq/domain';
import { CategoryClassifier } from './classifier';
import { LEXICON } from './lexicon';
import { segment } from './segmenter';

type Labelled = { text: string; category: string };

const read = (file: string): Labelled[] =>
  readFileSync(join(__dirname, 'fixtures', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Labelled);
const labelled = read('labelled-requests.jsonl');
/** Written by an author who never saw the lexicon or the classifier, 8 per sub-item; used for nothing but this measure. */
const heldOut = read('category-heldout.jsonl');

const subItems = demoDistrict().categories.filter((c) => c.parentCode);
const classifier = new CategoryClassifier();

describe('segment', () => {
  it('keeps domain words whole and drops punctuation and stop words', () => {
    const words = segment('网格员反映：小区物业费太贵，包工头拖欠工资三个月，楼下广场舞噪音扰民。');
    expect(words).toEqual(expect.arrayContaining(['网格员', '物业费', '包工头', '拖欠工资', '广场舞', '噪音']));
    expect(words).not.toContain('反映');
    expect(words.some((w) => /[，。：]/.test(w))).toBe(false);
  });

  it('reads full-width letters as ASCII', () => {
    expect(segment('楼下ＫＴＶ太吵')).toContain('ktv');
  });

  it('gives nothing for blank text', () => {
    expect(segment('  \n ')).toEqual([]);
  });
});

describe('CategoryClassifier', () => {
  it('has keywords for exactly the sub-items of the category tree', () => {
    expect(Object.keys(LEXICON).sort()).toEqual(subItems.map((c) => c.code).sort());
  });

  it('refuses a lexicon that names a category the tree does not have', () => {
    expect(() => new CategoryClassifier(subItems, { 'C99-01': { 3: '无' } })).toThrow(/C99-01/);
  });

  it.each([
    ['坛山路的路灯坏了一个星期，晚上一片漆黑。', 'C02-01', '道路照明'],
    ['楼下广场舞的音响太大，噪音扰民，晚上十点还不停。', 'C03-01', '噪声扰民'],
    ['包工头拖欠我们农民工工资半年了，讨薪无门。', 'C04-01', '拖欠工资'],
    ['接到自称公检法的电话，让我把钱转到安全账户，被骗了三万。', 'C07-02', '电信诈骗'],
    ['村里有人在基本农田上违法占地建厂房。', 'C10-02', '违法占地'],
    ['小区物业不作为，电梯坏了一个月没人修，物业费照收。', 'C01-01', '物业管理'],
  ])('puts a clear request first with confidence above 0.5: %s', (text, code, name) => {
    const [best] = classifier.suggest(text);
    expect(best).toMatchObject({ categoryCode: code, name });
    expect(best.confidence).toBeGreaterThan(0.5);
    expect(best.matched.length).toBeGreaterThan(0);
  });

  it.each(['', '   ', '你好', '12345', '今天天气不错，谢谢你们。', '喂？喂？听得见吗？'])(
    'suggests nothing when the text gives no evidence: "%s"',
    (text) => {
      expect(classifier.suggest(text)).toEqual([]);
    },
  );

  it('ranks best first, keeps confidences in [0, 1] and summing to at most 1, honours top', () => {
    const text = '楼上邻居天天半夜蹦迪，吵得睡不着，说了还骂人，卫生间漏水也不修。';
    const all = classifier.suggest(text, 22);
    expect(all.length).toBeGreaterThan(1);
    all.forEach((s, i) => {
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      if (i > 0) expect(s.confidence).toBeLessThanOrEqual(all[i - 1].confidence);
    });
    expect(all.reduce((sum, s) => sum + s.confidence, 0)).toBeLessThanOrEqual(1.001);
    expect(classifier.suggest(text, 1)).toEqual(all.slice(0, 1));
    expect(classifier.suggest(text, 0)).toEqual([]);
  });

  it('is deterministic', () => {
    const text = '我家孩子在学校门口被人骗走了手机，老师也不管。';
    expect(new CategoryClassifier().suggest(text)).toEqual(classifier.suggest(text));
  });
});

describe('accuracy on the labelled requests (fixtures/labelled-requests.jsonl)', () => {
  it('holds at least 200 requests, at least 6 for every sub-item, all with known codes', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(200);
    for (const c of subItems) expect(labelled.filter((r) => r.category === c.code).length).toBeGreaterThanOrEqual(6);
    const known = new Set(subItems.map((c) => c.code));
    expect(labelled.filter((r) => !known.has(r.category))).toEqual([]);
  });

  it('puts the right category first for most of them', () => {
    let top1 = 0;
    let top3 = 0;
    const perClass = new Map<string, { n: number; right: number }>();
    for (const { text, category } of labelled) {
      const codes = classifier.suggest(text, 3).map((s) => s.categoryCode);
      const tally = perClass.get(category) ?? { n: 0, right: 0 };
      tally.n += 1;
      if (codes[0] === category) {
        top1 += 1;
        tally.right += 1;
      }
      if (codes.includes(category)) top3 += 1;
      perClass.set(category, tally);
    }
    const n = labelled.length;
    const weakest = [...perClass]
      .sort(([a, x], [b, y]) => x.right / x.n - y.right / y.n || (a < b ? -1 : 1))
      .slice(0, 5)
      .map(([code, t]) => `${code} ${t.right}/${t.n}`)
      .join(', ');
    console.log(
      `triage classifier on ${n} labelled requests: top-1 ${(top1 / n).toFixed(3)}, top-3 ${(top3 / n).toFixed(3)}; weakest: ${weakest}`,
    );
    // Measured 0.884 top-1 / 0.955 top-3 over the whole set. Most of the set was written before the
    // final lexicon and the lexicon was then developed on it, so this figure is optimistic; on the
    // batches held back while the lexicon was frozen, top-1 was 0.63-0.73 and top-3 0.83-0.89.
    // The floor guards against regressions; do not edit fixture texts to make it pass.
    expect(top1 / n).toBeGreaterThanOrEqual(0.85);
    expect(top3 / n).toBeGreaterThanOrEqual(0.92);
  });
});

describe('accuracy on the held-out requests (fixtures/category-heldout.jsonl)', () => {
  it('holds 8 requests for every sub-item, none of them in the labelled set', () => {
    for (const c of subItems) expect(heldOut.filter((r) => r.category === c.code)).toHaveLength(8);
    const seen = new Set(labelled.map((r) => r.text));
    expect(heldOut.filter((r) => seen.has(r.text))).toEqual([]);
  });

  // Measured when the batch was added: top-1 0.852, top-3 0.920; 68% of requests taken at >= 0.5
  // (TAKE_SUGGESTION_AT in intake/triage.ts), 94.1% of those right. Floors against regressions.
  it('puts the right category first for most, and is nearly always right when confident enough to be taken', () => {
    const suggestions = heldOut.map((r) => ({ r, s: classifier.suggest(r.text, 3) }));
    const share = (pred: (x: (typeof suggestions)[number]) => boolean, of = suggestions) => of.filter(pred).length / of.length;
    expect(share(({ r, s }) => s[0]?.categoryCode === r.category)).toBeGreaterThanOrEqual(0.83);
    expect(share(({ r, s }) => s.some((x) => x.categoryCode === r.category))).toBeGreaterThanOrEqual(0.9);
    const taken = suggestions.filter(({ s }) => s[0] && s[0].confidence >= 0.5);
    expect(taken.length / suggestions.length).toBeGreaterThanOrEqual(0.6);
    expect(share(({ r, s }) => s[0].categoryCode === r.category, taken)).toBeGreaterThanOrEqual(0.92);
  });
});
