/**
 * Numbers as a request's text writes them: 20万元, 1.5万, 三十多户, 十几个人, 上百人, 七八个村, 一百二十万,
 * 一万二. Approximate words read as a lower bound, which is what a threshold needs: 几 = 3 (十几 = 13,
 * 几十 = 30), 七八 = 7, 二三十 = 20, 近百 = 90, 上百 = 100. Pure.
 */

const DIGIT: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 几: 3 };
const UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const BIG: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };
const ORDER = '一二三四五六七八九';

/** A number as matched by NUMBER below, e.g. 三十, 20万, 上百, 十五六. Undefined when it is not one. */
export function parseNumber(raw: string): number | undefined {
  let s = raw
    .replace(/^上(?=[百千万])/, '一')
    .replace(/^成(?=[百千])/, '一')
    .replace(/^近百/, '九十')
    .replace(/^近千/, '九百')
    .replace(/^[好数](?=[几十百千万])/, '');
  // 七八 → 七, 二三十 → 二十, 十五六 → 十五: a range of two neighbouring digits reads as the lower one.
  s = s.replace(/([一二三四五六七八])([二三四五六七八九])/g, (m, a: string, b: string) => (ORDER.indexOf(b) === ORDER.indexOf(a) + 1 ? a : m));
  const arabic = /^(\d+(?:\.\d+)?)([十百千万亿]*)$/.exec(s);
  if (arabic) return [...arabic[2]].reduce((n, u) => n * (UNIT[u] ?? BIG[u] ?? 1), Number(arabic[1]));
  if (!/^[零〇一二两三四五六七八九十百千万亿几]+$/.test(s)) return undefined;
  let total = 0;
  let section = 0;
  let digit = 0;
  let lastUnit = 1;
  let afterUnit = false;
  for (const ch of s) {
    if (ch in DIGIT) {
      digit = DIGIT[ch];
      afterUnit = afterUnit && digit !== 0;
    } else if (ch in UNIT) {
      section += (digit || 1) * UNIT[ch];
      lastUnit = UNIT[ch];
      digit = 0;
      afterUnit = true;
    } else {
      total += (section + digit || 1) * BIG[ch];
      lastUnit = BIG[ch];
      section = 0;
      digit = 0;
      afterUnit = true;
    }
  }
  // 一万二 = 12000 and 一百二 = 120: a digit straight after a unit counts in the next lower unit.
  if (afterUnit && digit && lastUnit >= 100) digit *= lastUnit / 10;
  return total + section + digit;
}

const NUMBER = String.raw`((?:上|近|成|好|数)?(?:\d+(?:\.\d+)?[十百千万亿]*|[零〇一二两三四五六七八九十百千万亿几]+))`;

/** People named as such (they act or are affected one by one): 上百人, 三百多名职工, 二十多个工人. */
const PEOPLE = new RegExp(`${NUMBER}(?:多|余|来)?(?:个|名|位)?(?:[\u4e00-\u9fa5]{1,3}的)?(?:老|新|外地|本地|年轻)?(?:人|职工|工人|农民工|村民|居民|业主|家长|学生|同学|师生|拆迁户|商户|摊主|员工|工友|群众|老人|孩子|乘客|顾客|游客|病人|患者)`, 'g');
/** Households (户, 口, 家): the size of a building, a community or a village rather than who is involved. */
const HOUSEHOLDS = new RegExp(`${NUMBER}(?:多|余|来)?(?:户|口|家)`, 'g');
const PLACES = new RegExp(`${NUMBER}(?:多|余)?个?(?:行政村|自然村|村庄|村(?![民委里干])|小区|社区|乡镇)`, 'g');
const MONEY = new RegExp(`${NUMBER}(?:多|余)?(?:([万亿])(?:多|余)?(?:元|块)?|元|块)(?![人名户次条亩平斤个字步辆件年])`, 'g');

const MONEY_WORDS = /钱|工资|工钱|款|欠|赔|损失|租金|费|投资|积蓄|存款|贷|收入|价|资金/;

function all(re: RegExp, text: string, keep: (m: RegExpExecArray) => boolean = () => true): number[] {
  // 车上二十多个乘客: the 上 of 车上 is not 上百's; read the number without it.
  return [...text.matchAll(re)].filter(keep).flatMap((m) => parseNumber(m[1]) ?? parseNumber(m[1].slice(1)) ?? []);
}

export interface Counts {
  /** The largest number of people named. */
  people: number;
  /** The largest number of households named. */
  households: number;
  /** The largest number of villages or communities named (邻村 = 2, 多个村 = 3). */
  places: number;
  /** The largest sum of money named, in yuan. */
  yuan: number;
}

export function countsIn(text: string): Counts {
  const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);
  return {
    people: max(all(PEOPLE, text)),
    // 502家里 is a flat number, not 502 households: 家 counts only after Chinese numerals or with 多/余.
    households: max(
      all(HOUSEHOLDS, text, (m) => {
        // 一家五口 is one household of five; 502家里 is a flat number.
        if (m[0].endsWith('口') && text[m.index - 1] === '家') return false;
        return !/\d/.test(m[1]) || !m[0].endsWith('家') || /[多余来]家$/.test(m[0]);
      }),
    ),
    places: max([
      ...all(PLACES, text),
      /邻村|两村|村与村/.test(text) ? 2 : 0,
      /(?:多个|各|周边|周围|附近)(?:行政)?(?:村|小区|社区)|全(?:镇|乡|县|街道)|整个(?:镇|乡|县|片区)|多个乡镇/.test(text) ? 3 : 0,
    ]),
    yuan: max(
      [...text.matchAll(MONEY)].flatMap((m) => {
        const n = parseNumber(m[1]);
        // A bare 万 is money only near a word about money: 播放量几十万 is not.
        const bare = !/[元块]$/.test(m[0]);
        const near = text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 6);
        if (n === undefined || (bare && !MONEY_WORDS.test(near))) return [];
        return [m[2] && !/[万亿]$/.test(m[1]) ? n * BIG[m[2]] : n];
      }),
    ),
  };
}
