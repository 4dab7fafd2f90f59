import type { EntityManager } from 'typeorm';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
}

/** Records a jury (or system) action in the audit log, in the transaction of the action itself. */
export async function audit(tx: EntityManager, entry: AuditEntry): Promise<void> {
  await tx.query(`INSERT INTO audit_log (actor_id, action, subject_type, subject_id, details) VALUES ($1, $2, $3, $4, $5)`, [
    entry.actorId,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    JSON.stringify(entry.details ?? {}),
  ]);
}
