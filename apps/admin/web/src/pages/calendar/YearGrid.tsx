import { Tooltip } from 'antd';
import type { DayEntry } from '../CalendarPage';

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];
const pad = (n: number) => String(n).padStart(2, '0');
const COLORS = { holiday: { background: '#fff1f0', color: '#a8071a', border: '1px solid #ffa39e' }, workday: { background: '#e6f4ff', color: '#003eb3', border: '1px solid #91caff' } };

/** Twelve small months, Monday first; holidays red, 调休 workdays blue, weekends grey. */
export function YearGrid({ year, days, onPick }: { year: number; days: DayEntry[]; onPick: (date: string) => void }) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return (
    <div data-testid="year-grid" style={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 12 }}>
      {Array.from({ length: 12 }, (_, m) => {
        const first = new Date(Date.UTC(year, m, 1));
        const lead = (first.getUTCDay() + 6) % 7;
        const count = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
        return (
          <section key={m} aria-label={`${m + 1}月`} style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: 6 }}>
            <div style={{ fontWeight: 600, marginBottom: 4 }}>{m + 1}月</div>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, fontSize: 12, textAlign: 'center' }}>
              {WEEK.map((w) => <div key={w} style={{ color: '#595959' }}>{w}</div>)}
              {Array.from({ length: lead }, (_, i) => <div key={`e${i}`} />)}
              {Array.from({ length: count }, (_, i) => {
                const date = `${year}-${pad(m + 1)}-${pad(i + 1)}`;
                const entry = byDate.get(date);
                const weekend = (lead + i) % 7 >= 5;
                const style = entry ? COLORS[entry.kind] : { background: weekend ? '#f0f0f0' : '#fff', color: weekend ? '#595959' : '#262626', border: '1px solid transparent' };
                const title = entry ? `${entry.kind === 'holiday' ? '节假日' : '调休上班'}${entry.name ? `：${entry.name}` : ''}` : weekend ? '周末' : '工作日';
                return (
                  <Tooltip key={date} title={title}>
                    <button type="button" data-date={date} data-kind={entry?.kind ?? (weekend ? 'weekend' : 'workday-normal')} aria-label={`${i + 1}日 ${date} ${title}`} onClick={() => onPick(date)} style={{ ...style, cursor: 'pointer', borderRadius: 3, padding: '2px 0', font: 'inherit' }}>
                      {i + 1}
                    </button>
                  </Tooltip>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}
