import { Alert, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { call, departments } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { HANDLERS } from '../roles';
import { hasRole, User } from '../session';
import { LadderState } from './LadderTimeline';

type Action = 'sign' | 'return' | 'extensions' | 'reply' | 'escalate';
const DONE: Record<Action, string> = { sign: '已签收', return: '已退单', extensions: '延期申请已提交', reply: '已答复', escalate: '已提级' };

/** The actions on a case, each answered in place: the new state, or the API's refusal. */
export function CaseActions({ number, user, state, onChange }: { number: string; user: User; state: LadderState; onChange: (s: LadderState) => void }) {
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState<Action>();
  const [form] = Form.useForm<{ text: string; amount: number; unit: 'hours' | 'days' }>();
  if (!hasRole(user, ...HANDLERS, 'leader')) return <p>您的角色只能查看本案件。</p>;

  const act = async (action: Action) => {
    const { text = '', amount = 1, unit = 'days' } = form.getFieldsValue();
    const path = { params: { path: { number } } };
    setBusy(action);
    setError(undefined);
    setDone(undefined);
    try {
      const next =
        action === 'sign' ? await call<LadderState>(departments.POST('/api/v1/cases/{number}/sign', path))
        : action === 'reply' ? await call<LadderState>(departments.POST('/api/v1/cases/{number}/reply', { ...path, body: { result: text } }))
        : action === 'return' ? await call<LadderState>(departments.POST('/api/v1/cases/{number}/return', { ...path, body: { reason: text } }))
        : action === 'escalate' ? await call<LadderState>(departments.POST('/api/v1/cases/{number}/escalate', { ...path, body: { reason: text } }))
        : await call<LadderState>(departments.POST('/api/v1/cases/{number}/extensions', { ...path, body: { reason: text, extendBy: { amount, unit } } }));
      onChange(next);
      setDone(DONE[action]);
      if (action !== 'sign') form.resetFields();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  const closed = ['replied', 'callback', 'closed', 'withdrawn'].includes(state.status);
  return (
    <div>
      <ApiErrorAlert error={error} />
      {done && <Alert type="success" showIcon message={done} role="status" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" disabled={closed}>
        <Form.Item label="答复内容 / 理由" name="text">
          <Input.TextArea rows={3} placeholder="答复时填写办理结果；退单、提级、延期时填写理由" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" loading={busy === 'sign'} onClick={() => void act('sign')}>签收</Button>
          <Button type="primary" loading={busy === 'reply'} onClick={() => void act('reply')}>答复</Button>
          <Button loading={busy === 'return'} onClick={() => void act('return')}>退单</Button>
          <Button loading={busy === 'escalate'} onClick={() => void act('escalate')}>提级</Button>
        </Space>
        <Space style={{ marginTop: 12 }} wrap>
          <Form.Item name="amount" noStyle initialValue={1}><InputNumber aria-label="延期时长" min={1} max={60} /></Form.Item>
          <Form.Item name="unit" noStyle initialValue="days"><Select aria-label="延期单位" style={{ width: 80 }} options={[{ value: 'hours', label: '小时' }, { value: 'days', label: '天' }]} /></Form.Item>
          <Button loading={busy === 'extensions'} onClick={() => void act('extensions')}>申请延期</Button>
        </Space>
      </Form>
      {closed && <p style={{ marginTop: 12 }}>案件已答复或办结，无需再办理。</p>}
    </div>
  );
}
