import { Tag, Timeline } from 'antd';
import dayjs from 'dayjs';
import { label, LEVEL, OUTCOME } from '../labels';

export interface LevelEntry {
  level: string;
  unitCode: string;
  unitName: string;
  enteredAt: string;
  signedAt?: string;
  signBy?: string;
  resolveBy: string;
  leftAt?: string;
  outcome?: string;
  reason?: string;
  signBreached?: boolean;
}

export interface LadderState {
  caseNumber: string;
  status: string;
  level: string;
  unit: { code: string; name: string };
  overdue: boolean;
  warned: number[];
  levels: LevelEntry[];
  extensions: { by: string; reason: string; extendBy: { amount: number; unit: string }; requestedAt: string; decision?: string }[];
  supervisions: { by: string; tier: string; note: string; at: string }[];
  reply?: { by: string; result: string; at: string };
  policy?: { name: string; version: number; ruleId: string };
}

const t = (s?: string) => (s ? dayjs(s).format('MM-DD HH:mm') : '');
const UNIT: Record<string, string> = { minutes: '分钟', hours: '小时', days: '天' };

/** The ladder, one item per level the case stood at: unit, deadlines, warnings, breaches, extensions, returns. */
export function LadderTimeline({ state }: { state: LadderState }) {
  const items = state.levels.map((l, i) => {
    const current = i === state.levels.length - 1 && !l.leftAt;
    const late = l.leftAt ? l.outcome === 'breached' : Date.now() > Date.parse(l.resolveBy);
    return {
      color: late ? 'red' : current ? 'blue' : 'gray',
      children: (
        <div data-testid="ladder-level">
          <strong>{label(LEVEL, l.level)} · {l.unitName}</strong> {current && <Tag color="blue">当前</Tag>}
          {l.outcome && <Tag color={l.outcome === 'breached' ? 'red' : 'default'}>{label(OUTCOME, l.outcome)}</Tag>}
          {l.signBreached && <Tag color="red">签收超时</Tag>}
          {current && state.warned.length > 0 && <Tag color="orange">已预警 {state.warned.map((w) => `${Math.round(w * 100)}%`).join('、')}</Tag>}
          <div>进入 {t(l.enteredAt)}{l.signBy && `，签收时限 ${t(l.signBy)}`}，办结时限 {t(l.resolveBy)}</div>
          {l.signedAt && <div>签收于 {t(l.signedAt)}</div>}
          {l.leftAt && <div>离开 {t(l.leftAt)}{l.reason && `：${l.reason}`}</div>}
        </div>
      ),
    };
  });
  for (const e of state.extensions) items.push({ color: 'orange', children: <div>延期申请（{e.by}）：{e.extendBy.amount}{UNIT[e.extendBy.unit] ?? e.extendBy.unit}，{e.reason} {e.decision ? <Tag>{e.decision === 'granted' ? '已批准' : '已驳回'}</Tag> : <Tag color="orange">待审批</Tag>}</div> });
  for (const s of state.supervisions) items.push({ color: 'purple', children: <div>督办（{s.by}，{s.tier}）{t(s.at)}：{s.note}</div> });
  if (state.reply) items.push({ color: 'green', children: <div data-testid="reply">答复（{state.reply.by}，{t(state.reply.at)}）：{state.reply.result}</div> });
  return (
    <>
      {state.policy && <p>适用规则：{state.policy.name} v{state.policy.version}（{state.policy.ruleId}）</p>}
      <Timeline items={items} />
    </>
  );
}
