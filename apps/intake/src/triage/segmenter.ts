import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/**
 * Chinese word segmentation for triage, on jieba (@node-rs/jieba, the Rust port). The dictionary
 * (~350k words) takes a few hundred milliseconds to load, so one instance is built on first use and
 * shared by the whole process.
 */

/**
 * Terms of the trade that jieba's general dictionary splits (网格员 → 网格/员, 物业费 stays whole,
 * 广场舞 → 广场/舞). Kept whole so that a keyword can match a token rather than only a substring.
 */
export const DOMAIN_WORDS: readonly string[] = [
  '网格员', '话务员', '诉求人', '来电人', '物业费', '业委会', '维修基金', '拖欠工资', '欠薪', '讨薪',
  '包工头', '广场舞', '夜间施工', '低音炮', '偷排', '不动产证', '不动产权证', '房本', '灯杆', '路沿石',
  '雨水篦子', '检查井', '减速带', '坑槽', '五险', '五险一金', '失业金', '生育险', '异地就医', '断缴',
  '注水肉', '三无', '预付卡', '缺斤短两', '家暴', '抚养费', '外嫁女', '飞线充电', '管制刀具', '刷单',
  '安全账户', '屏幕共享', '杀猪盘', '课后服务', '有偿补课', '家庭医生', '两项补贴', '特困供养',
  '老年食堂', '日间照料', '高龄津贴', '适老化', '青苗费', '过渡费', '失地农民', '大棚房', '私搭乱建',
  '违法占地', '基本农田', '长护险', '12345',
];

/** Words that carry no meaning for classification: particles, pronouns, fillers, hotline boilerplate. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '的 地 得 了 着 过 是 在 和 与 及 或 也 都 就 还 又 再 很 太 更 最 挺 特别 非常 真 这 那 这个 那个 这些 那些 这样 那样 ' +
    '这里 那里 这边 那边 个 一 一个 些 有 没 没有 不 被 把 给 让 叫 对 从 向 往 到 为 为了 因为 所以 但是 可是 而且 如果 ' +
    '我 我们 你 你们 您 他 他们 她 她们 它 它们 自己 咱们 人家 大家 啊 呀 吧 呢 吗 嘛 哦 嗯 哎 唉 啦 哈 么 ' +
    '说 想 要 能 会 可以 应该 一下 一直 已经 现在 今天 昨天 时候 什么 怎么 怎么办 为什么 多少 谁 哪 哪里 ' +
    '反映 反应 问题 情况 希望 请 麻烦 谢谢 您好 你好 来电 来电人 诉求 诉求人 市民 群众 咨询 请问 帮忙 处理 解决 相关 部门'
  ).split(' '),
);

/** At least this frequency for a user word (the dictionary's total is ~60 million): enough to win over
 *  the split of a phrase it sits in, far too little to break up a longer dictionary word around it. */
const USER_WORD_FREQ = 5000;

let jieba: Jieba | undefined;
const added = new Set<string>();

function instance(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    loadUserWords(jieba, DOMAIN_WORDS);
  }
  return jieba;
}

/** Frequencies the general dictionary already gives to `words` (a word absent from it gets none). */
function dictionaryFreqs(words: ReadonlySet<string>): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of Buffer.from(dict).toString('utf8').split('\n')) {
    const [word, freq] = line.split(' ', 2);
    if (word && words.has(word)) found.set(word, Number(freq) || 0);
  }
  return found;
}

function loadUserWords(j: Jieba, words: Iterable<string>): void {
  const fresh = new Set([...words].map(normalize).filter((w) => [...w].length > 1 && !added.has(w)));
  if (fresh.size === 0) return;
  const freqs = dictionaryFreqs(fresh);
  const lines = [...fresh].map((w) => `${w} ${Math.max(USER_WORD_FREQ, freqs.get(w) ?? 0)} n`);
  j.loadDict(Buffer.from(lines.join('\n') + '\n', 'utf8'));
  fresh.forEach((w) => added.add(w));
}

/** Adds words to the shared user dictionary so that they come out of `segment` whole. Idempotent. */
export function addWords(words: Iterable<string>): void {
  loadUserWords(instance(), words);
}

/** Full-width letters and digits to ASCII (ＫＴＶ → KTV), lower case; Chinese punctuation stays. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const MEANINGFUL = /[\p{L}\p{N}]/u;

/** The words of `text` that can carry meaning, in order: punctuation, spaces and stop words dropped. */
export function segment(text: string): string[] {
  const clean = normalize(text).trim();
  if (!clean) return [];
  // HMM off: an unknown run of characters comes out as single characters instead of a guessed
  // word, so a half-known phrase never turns into a "word" that hides a keyword inside it.
  return instance()
    .cut(clean, false)
    .map((t) => t.trim())
    .filter((t) => t && MEANINGFUL.test(t) && !STOP_WORDS.has(t));
}
