import { Card, Col, Row, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { admin, call } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { useLoad } from '../useLoad';
import { SlaApply } from './sla/SlaApply';
import { SlaDiff } from './sla/SlaDiff';
import { SlaEditor } from './sla/SlaEditor';
import { RuleSet } from './sla/types';

const STATUS: Record<string, string> = { draft: '草稿', active: '已启用', retired: '已停用' };

/** 设置 → SLA 规则: versions, diff, editor, activation, apply preview and apply. */
export function SlaPage() {
  const { data, error, loading, reload } = useLoad(() => call<{ items: RuleSet[] }>(admin.GET('/api/v1/sla/rule-sets', {})));
  const [selectedId, setSelectedId] = useState<string>();
  const [tab, setTab] = useState('edit');
  const sets = data?.items ?? [];
  const selected = sets.find((s) => s.id === selectedId) ?? sets.find((s) => s.inForce) ?? sets[0];
  const previous = selected && sets.find((s) => s.name === selected.name && s.version < selected.version);
  return (
    <Row gutter={16}>
      <Col span={10}>
        <Card title={<Typography.Title level={4} style={{ margin: 0 }}>SLA 规则版本</Typography.Title>}>
          <ApiErrorAlert error={error} />
          <div data-testid="rule-sets">
          <Table<RuleSet>
            size="small"
            rowKey="id"
            loading={loading}
            dataSource={sets}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            rowSelection={{ type: 'radio', getCheckboxProps: (s) => ({ 'aria-label': `选择 ${s.name} v${s.version}` }) as never, selectedRowKeys: selected ? [selected.id] : [], onChange: (keys) => setSelectedId(String(keys[0])) }}
            onRow={(s) => ({ onClick: () => setSelectedId(s.id) })}
            columns={[
              { title: '名称', dataIndex: 'name', ellipsis: true },
              { title: '版本', dataIndex: 'version', width: 56, render: (v: number) => `v${v}` },
              { title: '状态', width: 110, render: (_, s) => (s.inForce ? <Tag color="green">生效中</Tag> : <Tag>{STATUS[s.status] ?? s.status}</Tag>) },
              { title: '创建', dataIndex: 'createdAt', width: 96, render: (t: string) => dayjs(t).format('MM-DD HH:mm') },
            ]}
          />
          </div>
        </Card>
      </Col>
      <Col span={14}>
        {selected && (
          <Card title={`${selected.name} v${selected.version}`}>
            <Tabs
              activeKey={tab}
              onChange={setTab}
              items={[
                { key: 'edit', label: '编辑新版本', children: <SlaEditor key={selected.id} base={selected} onCreated={(s) => { setSelectedId(s.id); setTab('diff'); void reload(); }} /> },
                { key: 'diff', label: '版本对比', children: <SlaDiff key={`${selected.id}-${sets.length}`} sets={sets} initial={[previous?.id, selected.id]} /> },
                { key: 'apply', label: '启用与应用', children: <SlaApply key={`${selected.id}-${selected.status}`} set={selected} onChanged={() => void reload()} /> },
              ]}
            />
          </Card>
        )}
      </Col>
    </Row>
  );
}
