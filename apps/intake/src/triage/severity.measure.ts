import { assessSeverity } from './severity';
import { HELD_OUT, SEVERITY_FIXTURES, TRAINING, type SeverityFixture } from './severity.labelled';

export interface SeverityFigures {
  n: number;
  /** Share of requests whose field is right. */
  urgency: number;
  size: number;
  reportUpward: number;
  handOff: number;
  /** Of the requests that must be reported upward, the share flagged: a miss is the costly error. */
  reportUpwardRecall: number;
  /** Of the requests flagged, the share that must be reported upward: a false alarm is cheap. */
  reportUpwardPrecision: number;
  /** Of the requests that belong to 110/119/120, the share handed to the right one. */
  handOffRecall: number;
  /** Requests with at least one field wrong, for reading. */
  misses: { text: string; field: string; expected: unknown; actual: unknown }[];
}

const ratio = (num: number, den: number) => (den === 0 ? 1 : num / den);

export function measureSeverity(cases: readonly SeverityFixture[]): SeverityFigures {
  const fields = ['urgency', 'size', 'reportUpward', 'handOff'] as const;
  const right = { urgency: 0, size: 0, reportUpward: 0, handOff: 0 };
  const misses: SeverityFigures['misses'] = [];
  let flagged = 0;
  let mustFlag = 0;
  let flaggedRight = 0;
  let mustHandOff = 0;
  let handedRight = 0;
  for (const c of cases) {
    const got = assessSeverity(c.text, { peopleCount: c.peopleCount });
    for (const f of fields) {
      if (got[f] === c[f]) right[f]++;
      else misses.push({ text: c.text, field: f, expected: c[f], actual: got[f] });
    }
    if (got.reportUpward) flagged++;
    if (c.reportUpward) mustFlag++;
    if (got.reportUpward && c.reportUpward) flaggedRight++;
    if (c.handOff) mustHandOff++;
    if (c.handOff && got.handOff === c.handOff) handedRight++;
  }
  const n = cases.length;
  return {
    n,
    urgency: ratio(right.urgency, n),
    size: ratio(right.size, n),
    reportUpward: ratio(right.reportUpward, n),
    handOff: ratio(right.handOff, n),
    reportUpwardRecall: ratio(flaggedRight, mustFlag),
    reportUpwardPrecision: ratio(flaggedRight, flagged),
    handOffRecall: ratio(handedRight, mustHandOff),
    misses,
  };
}

/**
 * Figures for the benchmark script: what the rules and the model learned from, the held-out batch
 * (the fair estimate on new wording) and everything.
 */
export function measure(): Record<'training' | 'heldOut' | 'all', SeverityFigures> {
  return { training: measureSeverity(TRAINING), heldOut: measureSeverity(HELD_OUT), all: measureSeverity(SEVERITY_FIXTURES) };
}
