import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { admin, call } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { session, User } from '../session';

/** Development login (ADR 0024): a demo login and the demo password, until issue 10's login lands. */
export function LoginPage({ onLogin }: { onLogin: (u: User) => void }) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { login: string; password: string }) => {
    setBusy(true);
    try {
      const r = await call<{ token: string; user: User }>(admin.POST('/api/v1/dev/login', { body: v }));
      session.save(r.token, r.user);
      setError(undefined);
      onLogin(r.user);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          枫桥 · 登录
        </Typography.Title>
        <Typography.Paragraph style={{ color: '#595959' }}>开发环境登录：演示账号（如 admin、dispatcher、grid-…），密码 fengqiao。</Typography.Paragraph>
        <ApiErrorAlert error={error} />
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="用户名" name="login" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
