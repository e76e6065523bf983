import { Card, Col, Descriptions, Input, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { call, departments, intake } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { label, CASE_STATUS, CHANNEL, LEVEL } from '../labels';
import { User } from '../session';
import { useLoad } from '../useLoad';
import { CaseActions } from './CaseActions';
import { LadderTimeline, LadderState } from './LadderTimeline';

export interface CaseView {
  caseNumber: string;
  status: string;
  channel: string;
  title: string;
  description: string;
  categoryCode: string | null;
  urgency: string | null;
  level: string | null;
  unit: { code: string | null; name: string | null };
  resolveBy: string | null;
  overdue: boolean;
  registeredAt: string;
  requester: { name: string; phone: string | null } | null;
  location: { address?: string | null } | null;
}

const fmt = (t: string | null | undefined) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '—');

/** 案件: open a case by its number (the filtered case list needs intake's list endpoint: issue 11). */
export function CaseLookupPage() {
  const navigate = useNavigate();
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>案件</Typography.Title>}>
      <Input.Search aria-label="案件编号" placeholder="输入案件编号，如 20261204000001" enterButton="打开" style={{ maxWidth: 420 }} onSearch={(v) => v.trim() && navigate(`/cases/${v.trim()}`)} />
    </Card>
  );
}

/** 案件详情: the request from intake, the ladder from departments, and what this user may do. */
export function CasePage({ user }: { user: User }) {
  const { number = '' } = useParams();
  const theCase = useLoad(() => call<CaseView>(intake.GET('/api/v1/cases/{number}', { params: { path: { number } } })), [number]);
  const ladder = useLoad(() => call<LadderState>(departments.GET('/api/v1/cases/{number}/ladder', { params: { path: { number } } })), [number]);
  const links = useLoad(() => fetch('/svc/links').then((r) => r.json() as Promise<{ temporalUi: string }>), []);
  const [state, setState] = useState<LadderState | undefined>();
  const shown = state ?? ladder.data;
  const c = theCase.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <ApiErrorAlert error={theCase.error} />
      {c && (
        <Card
          title={<Typography.Title level={4} style={{ margin: 0 }}>案件 {c.caseNumber}：{c.title}</Typography.Title>}
          extra={links.data && <a href={`${links.data.temporalUi}/namespaces/default/workflows/case-${c.caseNumber}`} target="_blank" rel="noreferrer">在 Temporal 中查看流程</a>}
        >
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label="状态"><Tag color={c.overdue ? 'red' : 'blue'} data-testid="case-status">{label(CASE_STATUS, shown?.status ?? c.status)}</Tag>{c.overdue && <Tag color="red">已超时</Tag>}</Descriptions.Item>
            <Descriptions.Item label="渠道">{label(CHANNEL, c.channel)}</Descriptions.Item>
            <Descriptions.Item label="登记时间">{fmt(c.registeredAt)}</Descriptions.Item>
            <Descriptions.Item label="当前层级">{label(LEVEL, shown?.level ?? c.level)}</Descriptions.Item>
            <Descriptions.Item label="承办单位">{shown?.unit.name ?? c.unit.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="办结时限">{fmt(c.resolveBy)}</Descriptions.Item>
            <Descriptions.Item label="诉求人">{c.requester ? `${c.requester.name} ${c.requester.phone ?? ''}` : '匿名'}</Descriptions.Item>
            <Descriptions.Item label="地点" span={2}>{c.location?.address ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="诉求内容" span={3}>{c.description}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Row gutter={16}>
        <Col span={14}>
          <Card title="办理经过">
            <ApiErrorAlert error={ladder.error} />
            {shown && <LadderTimeline state={shown} />}
          </Card>
        </Col>
        <Col span={10}>
          <Card title="办理">{shown && <CaseActions number={number} user={user} state={shown} onChange={setState} />}</Card>
        </Col>
      </Row>
    </Space>
  );
}
