import createClient from 'openapi-fetch';
import type { paths as AdminPaths } from './admin';
import type { paths as DepartmentsPaths } from './departments';
import type { paths as IntakePaths } from './intake';
import { session } from '../session';

/** What every service answers on failure: `{ error: { code, message } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const withToken = {
  onRequest({ request }: { request: Request }) {
    const token = session.token();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
};

function client<P extends {}>(baseUrl: string) {
  const c = createClient<P>({ baseUrl });
  c.use(withToken);
  return c;
}

/** Admin itself; the others through admin's same-origin proxy (ADR 0023). */
export const admin = client<AdminPaths>('');
export const intake = client<IntakePaths>('/svc/intake');
export const departments = client<DepartmentsPaths>('/svc/departments');

/**
 * Awaits a typed call and returns its body as `T` (the documents do not describe most response
 * bodies yet, so the paths, parameters and request bodies are checked, the answers are named here);
 * a failure becomes an ApiError carrying the API's code and message.
 */
export async function call<T>(pending: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await pending;
  if (response.ok) return data as T;
  const body = (error ?? {}) as { error?: { code?: string; message?: string } };
  if (response.status === 401) session.expired();
  throw new ApiError(response.status, body.error?.code ?? `HTTP_${response.status}`, body.error?.message ?? response.statusText);
}
