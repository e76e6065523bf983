import { Alert } from 'antd';
import { ApiError } from '../api/client';

/** An API failure as the API said it: its message and its code. */
export function ApiErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  return <Alert type="error" showIcon role="alert" data-testid="api-error" message={e.message} description={`错误代码：${e.code}`} style={{ marginBottom: 12 }} />;
}

export const describeError = (e: unknown) => (e instanceof ApiError ? `${e.message}（${e.code}）` : String(e));
