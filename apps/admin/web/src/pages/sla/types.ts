export interface RuleSet {
  id: string;
  name: string;
  version: number;
  status: 'draft' | 'active' | string;
  activeFrom: string | null;
  rules: unknown[];
  preset: string | null;
  createdBy: string;
  createdAt: string;
  inForce: boolean;
  inForceUntil: string | null;
}

export interface DeadlineMove {
  caseNumber: string;
  level: string;
  unitCode: string;
  from: { version: number | null; resolveBy: string };
  to: { version: number; ruleId: string; resolveBy: string };
  shiftMs: number;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: Record<string, unknown>;
}

export const pretty = (rules: unknown) => JSON.stringify(rules, null, 2);
