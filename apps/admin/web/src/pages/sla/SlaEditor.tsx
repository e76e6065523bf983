import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { admin, ApiError, call } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { pretty, RuleSet } from './types';

/** A new version of a rule set from edited rules; JSON and the API's rule checks shown inline. */
export function SlaEditor({ base, onCreated }: { base: RuleSet; onCreated: (s: RuleSet) => void }) {
  const [text, setText] = useState(pretty(base.rules));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  let parseError: string | undefined;
  let rules: unknown;
  try {
    rules = JSON.parse(text);
    if (!Array.isArray(rules)) parseError = '规则必须是一个数组';
  } catch (e) {
    parseError = `JSON 格式错误：${(e as Error).message}`;
  }
  const inline = error instanceof ApiError && error.status === 400 ? error : undefined;
  const save = async () => {
    setBusy(true);
    try {
      const created = await call<RuleSet>(admin.POST('/api/v1/sla/rule-sets', { body: { name: base.name, rules } as never }));
      setError(undefined);
      onCreated(created);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical">
      <Form.Item
        label={`规则（${base.name}，基于 v${base.version}；保存为新的草稿版本）`}
        validateStatus={parseError || inline ? 'error' : undefined}
        help={parseError ?? (inline && <span data-testid="sla-editor-error" style={{ color: '#a8071a' }}>{`${inline.message}（${inline.code}）`}</span>)}
      >
        <Input.TextArea aria-label="规则 JSON" data-testid="sla-editor" value={text} onChange={(e) => { setText(e.target.value); setError(undefined); }} rows={14} style={{ fontFamily: 'monospace', fontSize: 12 }} spellCheck={false} />
      </Form.Item>
      {!inline && <ApiErrorAlert error={error} />}
      {!parseError && !error && <Alert type="info" showIcon message="保存后为草稿；启用前可与其他版本对比。" style={{ marginBottom: 12 }} />}
      <Button type="primary" onClick={() => void save()} disabled={!!parseError} loading={busy}>
        保存为新版本
      </Button>
    </Form>
  );
}
