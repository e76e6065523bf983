import { Button, DatePicker, Descriptions, Modal, Space, Table, Tag, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { admin, call } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { label, LEVEL } from '../../labels';
import { AuditEntry, DeadlineMove, RuleSet } from './types';

const fmt = (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm');
const shift = (ms: number) => `${ms < 0 ? '提前' : '延后'} ${(Math.abs(ms) / 3_600_000).toFixed(1)} 小时`;

/** Activate a draft from a date; preview applying an active version to running cases; apply it, audited. */
export function SlaApply({ set, onChanged }: { set: RuleSet; onChanged: () => void }) {
  const [from, setFrom] = useState<Dayjs | null>(null);
  const [preview, setPreview] = useState<DeadlineMove[]>();
  const [audit, setAudit] = useState<AuditEntry>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const path = { params: { path: { id: set.id } } };
  const run = async (what: string, f: () => Promise<void>) => {
    setBusy(what);
    setError(undefined);
    try {
      await f();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  const activate = () =>
    run('activate', async () => {
      await call(admin.POST('/api/v1/sla/rule-sets/{id}/activate', { ...path, body: (from ? { activeFrom: from.toISOString() } : {}) as never }));
      onChanged();
    });
  const loadPreview = () => run('preview', async () => setPreview((await call<{ cases: DeadlineMove[] }>(admin.GET('/api/v1/sla/rule-sets/{id}/apply-preview', path))).cases));
  const apply = () =>
    Modal.confirm({
      title: `将 ${set.name} v${set.version} 应用到 ${preview?.length ?? 0} 件在办案件？`,
      content: '各案件的办理时限将按上表调整，已用时间保留。此操作记入审计日志。',
      okText: '确认应用',
      cancelText: '取消',
      onOk: () =>
        run('apply', async () => {
          await call(admin.POST('/api/v1/sla/rule-sets/{id}/apply', path));
          const log = await call<{ items: AuditEntry[] }>(admin.GET('/api/v1/audit', { params: { query: { subject: set.id } as never } }));
          setAudit(log.items.find((e) => e.action === 'sla.rule-set.applied'));
          setPreview(undefined);
        }),
    });
  return (
    <div>
      <ApiErrorAlert error={error} />
      <Space wrap style={{ marginBottom: 12 }}>
        {set.status === 'draft' ? (
          <>
            <DatePicker aria-label="生效时间" showTime value={from} onChange={setFrom} placeholder="生效时间（默认立即）" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            <Button type="primary" loading={busy === 'activate'} onClick={() => void activate()}>启用此版本</Button>
          </>
        ) : (
          <Tag color={set.inForce ? 'green' : 'default'}>{set.inForce ? '生效中' : '已启用'}{set.activeFrom && `，自 ${fmt(set.activeFrom)}`}</Tag>
        )}
        <Button loading={busy === 'preview'} onClick={() => void loadPreview()} disabled={set.status === 'draft'}>预览应用到在办案件</Button>
      </Space>
      {preview && (
        <>
          <div data-testid="apply-preview">
          <Table<DeadlineMove>
            size="small"
            rowKey={(m) => `${m.caseNumber}-${m.level}`}
            dataSource={preview}
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            locale={{ emptyText: '没有需要调整时限的在办案件' }}
            columns={[
              { title: '案件编号', dataIndex: 'caseNumber' },
              { title: '层级', dataIndex: 'level', render: (l: string) => label(LEVEL, l) },
              { title: '原时限', render: (_, m) => `${fmt(m.from.resolveBy)}（v${m.from.version ?? '—'}）` },
              { title: '新时限', render: (_, m) => `${fmt(m.to.resolveBy)}（v${m.to.version}）` },
              { title: '变化', dataIndex: 'shiftMs', render: (ms: number) => <Tag color={ms < 0 ? 'orange' : 'blue'}>{shift(ms)}</Tag> },
            ]}
          />
          </div>
          <Button type="primary" loading={busy === 'apply'} disabled={preview.length === 0} onClick={apply} style={{ marginTop: 8 }}>应用到以上案件</Button>
        </>
      )}
      {audit && (
        <Descriptions data-testid="audit-entry" title="已应用，审计记录" size="small" bordered column={2} style={{ marginTop: 12 }}>
          <Descriptions.Item label="操作">{audit.action}</Descriptions.Item>
          <Descriptions.Item label="操作人">{audit.actor}</Descriptions.Item>
          <Descriptions.Item label="时间">{fmt(audit.at)}</Descriptions.Item>
          <Descriptions.Item label="涉及案件">{((audit.details.cases as unknown[]) ?? []).length} 件</Descriptions.Item>
        </Descriptions>
      )}
      {!preview && !audit && set.status !== 'draft' && <Typography.Paragraph style={{ color: '#595959' }}>应用前先预览：列出在办案件及其调整前后的时限。</Typography.Paragraph>}
    </div>
  );
}
