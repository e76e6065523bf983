/** The warning thresholds of the shipped rule sets (fractions of the time allowed at a level). */
export const WARN_AT = [0.5, 0.75];

export type Urgency = 'calm' | 'warned' | 'late' | 'breached' | 'none';

/** How close a deadline is: `warned` past the first threshold, `late` past the last, `breached` after it. */
export function urgencyOf(start: number, deadline: number | null, now: number): Urgency {
  if (deadline === null) return 'none';
  if (now >= deadline) return 'breached';
  const used = (now - start) / Math.max(1, deadline - start);
  return used >= WARN_AT[WARN_AT.length - 1] ? 'late' : used >= WARN_AT[0] ? 'warned' : 'calm';
}

/** 2天3小时 / 3小时05分 / 05分12秒; negative spans are "超时 …". */
export function countdown(ms: number): string {
  const late = ms < 0;
  let s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  const text = d > 0 ? `${d}天${h}小时` : h > 0 ? `${h}小时${pad(m)}分` : `${pad(m)}分${pad(s)}秒`;
  return late ? `超时 ${text}` : text;
}

export const URGENCY_COLOR: Record<Urgency, string> = { calm: 'green', warned: 'gold', late: 'orange', breached: 'red', none: 'default' };
