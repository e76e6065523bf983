/** Who is signed in: the token lives in sessionStorage until issue 10's login replaces it (ADR 0024). */
export interface User {
  login: string;
  name: string;
  roles: string[];
  unitCode: string;
}

const KEY = 'fengqiao.session';
let onExpired: () => void = () => undefined;

export const session = {
  token(): string | null {
    return this.user() ? (JSON.parse(sessionStorage.getItem(KEY) as string) as { token: string }).token : null;
  },
  user(): User | null {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as { user: User }).user : null;
  },
  save(token: string, user: User): void {
    sessionStorage.setItem(KEY, JSON.stringify({ token, user }));
  },
  clear(): void {
    sessionStorage.removeItem(KEY);
  },
  expired(): void {
    this.clear();
    onExpired();
  },
  onExpired(f: () => void): void {
    onExpired = f;
  },
};

export const hasRole = (user: User | null, ...roles: string[]) => !!user && user.roles.some((r) => roles.includes(r));
