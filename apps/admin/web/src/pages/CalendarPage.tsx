import { Alert, Button, Card, Input, InputNumber, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { admin, call } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { useLoad } from '../useLoad';
import { YearGrid } from './calendar/YearGrid';

export interface DayEntry {
  date: string;
  kind: 'holiday' | 'workday';
  name: string | null;
}
interface YearView {
  year: number;
  days: DayEntry[];
  source: 'package' | 'edited' | 'none';
}
const SOURCE = { package: '来自国务院公布的安排（chinese-days）', edited: '已人工修改', none: '尚未定义，仅周末休息' };

/** 设置 → 工作日历: one year of holidays and 调休 workdays, editable day by day. */
export function CalendarPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, error, reload, setData } = useLoad(() => call<YearView>(admin.GET('/api/v1/calendar/{year}', { params: { path: { year: String(year) } } })), [year]);
  const [editing, setEditing] = useState<{ date: string; kind: 'holiday' | 'workday' | 'normal'; name: string }>();
  const [saveError, setSaveError] = useState<unknown>();
  const [saved, setSaved] = useState<string>();

  const save = async () => {
    if (!data || !editing) return;
    const others = data.days.filter((d) => d.date !== editing.date);
    const days = editing.kind === 'normal' ? others : [...others, { date: editing.date, kind: editing.kind, name: editing.name.trim() || null }].sort((a, b) => a.date.localeCompare(b.date));
    try {
      const next = await call<YearView>(admin.PUT('/api/v1/calendar/{year}', { params: { path: { year: String(year) } }, body: { days } as never }));
      setData(next);
      setSaveError(undefined);
      setSaved(`${editing.date} 已保存`);
      setEditing(undefined);
    } catch (e) {
      setSaveError(e);
    }
  };
  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>工作日历</Typography.Title>}
      extra={
        <Space>
          <InputNumber aria-label="年份" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
          <Button onClick={() => void reload()}>刷新</Button>
        </Space>
      }
    >
      <ApiErrorAlert error={error} />
      {saved && <Alert type="success" showIcon message={saved} role="status" closable onClose={() => setSaved(undefined)} style={{ marginBottom: 12 }} />}
      {data && (
        <>
          <Space style={{ marginBottom: 12 }}>
            <span>{SOURCE[data.source]}</span>
            <Tag color="red">节假日</Tag>
            <Tag color="blue">调休上班</Tag>
            <Tag>周末</Tag>
            <span>点击日期可修改</span>
          </Space>
          <YearGrid year={year} days={data.days} onPick={(date) => {
            const d = data.days.find((x) => x.date === date);
            setSaveError(undefined);
            setEditing({ date, kind: d?.kind ?? 'normal', name: d?.name ?? '' });
          }} />
        </>
      )}
      <Modal title={`修改 ${editing?.date ?? ''}`} open={!!editing} onOk={() => void save()} onCancel={() => setEditing(undefined)} okText="保存" cancelText="取消">
        <ApiErrorAlert error={saveError} />
        {editing && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Radio.Group aria-label="日期类型" value={editing.kind} onChange={(e) => setEditing({ ...editing, kind: e.target.value })} options={[{ value: 'normal', label: '按周历（工作日/周末）' }, { value: 'holiday', label: '节假日' }, { value: 'workday', label: '调休上班' }]} />
            <Input aria-label="名称" placeholder="名称，如 国庆节" value={editing.name} disabled={editing.kind === 'normal'} onChange={(e) => setEditing({ ...editing, name: e.target.value })} />
          </Space>
        )}
      </Modal>
    </Card>
  );
}
