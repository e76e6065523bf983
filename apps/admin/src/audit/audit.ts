import { Principal } from '@fq/auth';
import { EntityManager } from 'typeorm';
import { AuditEntry } from './audit.entity';

/** Records an administrative action inside the caller's transaction, so the change and its trace commit together. */
export async function audit(m: EntityManager, actor: Principal | string, action: string, subject: string, details: Record<string, unknown> = {}): Promise<void> {
  await m.insert(AuditEntry, { actor: typeof actor === 'string' ? actor : actor.login, action, subject, details: details as object });
}
