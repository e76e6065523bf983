import { Layout, Menu, Space, Button, Typography, Result } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { label, ROLE } from './labels';
import { ADMINS, CASE_READERS, HANDLERS } from './roles';
import { hasRole, session, User } from './session';
import { LoginPage } from './pages/LoginPage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { CaseLookupPage, CasePage } from './pages/CasePage';
import { SlaPage } from './pages/SlaPage';
import { CalendarPage } from './pages/CalendarPage';

const { Header, Sider, Content } = Layout;

/** The frame every screen sits in: who is signed in, the menu their roles allow, the routes. */
export function Shell() {
  const [user, setUser] = useState<User | null>(session.user());
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => session.onExpired(() => setUser(null)), []);

  if (!user) return <LoginPage onLogin={(u) => setUser(u)} />;

  const items = [
    hasRole(user, ...HANDLERS) && { key: '/workbench', label: <Link to="/workbench">待办</Link> },
    hasRole(user, ...CASE_READERS) && { key: '/cases', label: <Link to="/cases">案件</Link> },
    hasRole(user, ...ADMINS) && {
      key: 'settings',
      label: '设置',
      children: [
        { key: '/settings/sla', label: <Link to="/settings/sla">SLA 规则</Link> },
        { key: '/settings/calendar', label: <Link to="/settings/calendar">工作日历</Link> },
      ],
    },
  ].filter(Boolean) as { key: string; label: React.ReactNode }[];
  const home = hasRole(user, ...HANDLERS) ? '/workbench' : hasRole(user, ...ADMINS) ? '/settings/sla' : '/cases';
  const selected = items.flatMap((i) => [i, ...((i as { children?: { key: string }[] }).children ?? [])]).map((i) => i.key).filter((k) => location.pathname.startsWith(k));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#8b1e1e', paddingInline: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
          枫桥 · 诉求办理控制台
        </Typography.Title>
        <Space style={{ color: '#fff' }}>
          <span data-testid="who">
            {user.name}（{user.roles.map((r) => label(ROLE, r)).join('、')} · {user.unitCode}）
          </span>
          <Button
            size="small"
            onClick={() => {
              session.clear();
              setUser(null);
              navigate('/');
            }}
          >
            退出
          </Button>
        </Space>
      </Header>
      <Layout>
        <Sider width={180} theme="light">
          <nav aria-label="主菜单">
            <Menu mode="inline" selectedKeys={selected} defaultOpenKeys={['settings']} items={items} />
          </nav>
        </Sider>
        <Content style={{ padding: 20 }}>
          <main>
            <Routes>
              <Route path="/" element={<Navigate to={home} replace />} />
              <Route path="/workbench" element={guard(user, HANDLERS, <WorkbenchPage />)} />
              <Route path="/cases" element={guard(user, CASE_READERS, <CaseLookupPage />)} />
              <Route path="/cases/:number" element={guard(user, CASE_READERS, <CasePage user={user} />)} />
              <Route path="/settings/sla" element={guard(user, ADMINS, <SlaPage />)} />
              <Route path="/settings/calendar" element={guard(user, ADMINS, <CalendarPage />)} />
              <Route path="*" element={<Result status="404" title="没有这个页面" extra={<Link to="/">返回首页</Link>} />} />
            </Routes>
          </main>
        </Content>
      </Layout>
    </Layout>
  );
}

function guard(user: User, roles: string[], page: React.ReactElement) {
  return hasRole(user, ...roles) ? page : <Result status="403" title="无权访问" subTitle="您的角色不能打开此页面。" />;
}
