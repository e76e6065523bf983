import { Card, Segmented, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { call, departments } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { countdown, URGENCY_COLOR, urgencyOf } from '../deadline';
import { label, LEVEL, ORDER_STATUS } from '../labels';
import { useLoad } from '../useLoad';

interface WorkOrder {
  id: string;
  caseNumber: string;
  level: string;
  unitName: string;
  title: string;
  status: string;
  createdAt: string;
  signBy: string | null;
  resolveBy: string | null;
}

/** The deadline that matters now: signing while unsigned, then resolving. */
const dueOf = (o: WorkOrder) => (o.status === 'open' && o.signBy ? o.signBy : o.resolveBy);

/** 待办: the unit's work orders, nearest deadline first, with a live countdown. */
export function WorkbenchPage() {
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const { data, error, loading } = useLoad(() => call<{ items: WorkOrder[] }>(departments.GET('/api/v1/work-orders', { params: { query: { status } } })), [status]);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const rows = useMemo(
    () => [...(data?.items ?? [])].sort((a, b) => (Date.parse(dueOf(a) ?? '9999') || Infinity) - (Date.parse(dueOf(b) ?? '9999') || Infinity)),
    [data],
  );
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>待办</Typography.Title>} extra={<Segmented aria-label="状态" value={status} onChange={(v) => setStatus(v as 'open' | 'closed')} options={[{ label: '办理中', value: 'open' }, { label: '已完成', value: 'closed' }]} />}>
      <ApiErrorAlert error={error} />
      <div data-testid="workbench">
      <Table<WorkOrder>
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        size="middle"
        columns={[
          { title: '案件编号', dataIndex: 'caseNumber', render: (n: string) => <Link to={`/cases/${n}`}>{n}</Link> },
          { title: '标题', dataIndex: 'title', ellipsis: true },
          { title: '层级', dataIndex: 'level', render: (l: string) => label(LEVEL, l), width: 110 },
          { title: '状态', dataIndex: 'status', render: (s: string) => label(ORDER_STATUS, s), width: 90 },
          { title: '截止时间', render: (_, o) => (dueOf(o) ? `${o.status === 'open' && o.signBy ? '签收 ' : '办结 '}${dayjs(dueOf(o)).format('MM-DD HH:mm')}` : '—'), width: 150 },
          {
            title: '剩余时间',
            width: 150,
            render: (_, o) => {
              if (status === 'closed' || !dueOf(o)) return '—';
              const due = Date.parse(dueOf(o) as string);
              const u = urgencyOf(Date.parse(o.createdAt), due, now);
              return <Tag color={URGENCY_COLOR[u]} data-urgency={u}>{countdown(due - now)}</Tag>;
            },
          },
        ]}
      />
      </div>
    </Card>
  );
}
