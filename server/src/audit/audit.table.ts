export interface AuditLogTable {
  seq: number;
  /** ISO timestamp as hashed (text, so the chain re-computes byte for byte). */
  at: string;
  actor: string;
  action: string;
  subject: string;
  /** Canonical JSON. */
  details: string;
  prev_hash: string;
  hash: string;
}
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}
export interface AuditTables {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
