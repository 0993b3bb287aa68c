import type Database from 'better-sqlite3';
import { storableText } from '../db/storable-text.js';
import { APPROVABLE, storableJson, toApproval, toDraft } from './copy-rows.js';
import type { CopyApproval, CopyDraftRecord, CopyDraftStatus } from './types.js';

/**
 * Release-copy drafts and approvals on SQLite (tables from migration 4). Kept apart from
 * sqlite.ts so the question/escalation store stays readable; SqliteStore delegates here.
 */

type Row = Record<string, unknown>;

/** An edit lands only on a draft still pending: one that moved on (posting, approved…) is not overwritten. */
export function saveCopyDraft(db: Database.Database, d: CopyDraftRecord): boolean {
  return (
    db
      .prepare(
        `INSERT INTO copy_drafts (id, user, channel, messages, draft, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET draft = excluded.draft, messages = excluded.messages, status = excluded.status, updated_at = excluded.updated_at
     WHERE copy_drafts.status = 'pending'`,
      )
      .run(storableText(d.id), storableText(d.user), storableText(d.channel), storableJson(d.messages), storableJson(d.draft), d.status, d.createdAt, d.updatedAt).changes === 1
  );
}

export function getCopyDraft(db: Database.Database, id: string): CopyDraftRecord | undefined {
  const row = db.prepare('SELECT * FROM copy_drafts WHERE id = ?').get(id) as Row | undefined;
  return row ? toDraft(row, String(row.user)) : undefined;
}

export function moveCopyDraft(db: Database.Database, id: string, from: CopyDraftStatus, to: CopyDraftStatus): boolean {
  return db.prepare('UPDATE copy_drafts SET status = ?, updated_at = ? WHERE id = ? AND status = ?').run(to, Date.now(), id, from).changes === 1;
}

export function recordCopyApproval(db: Database.Database, a: Omit<CopyApproval, 'id'>): CopyApproval | undefined {
  return db.transaction(() => {
    const moved = db.prepare(`UPDATE copy_drafts SET status = 'approved', updated_at = ? WHERE id = ? AND status IN (${APPROVABLE.map(() => '?').join(', ')})`).run(a.approvedAt, a.draftId, ...APPROVABLE);
    if (moved.changes === 0) return undefined;
    const res = db
      .prepare('INSERT INTO copy_approvals (draft_id, approver, channel, message_ts, final_text, approved_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(a.draftId, storableText(a.approver), storableText(a.channel), a.messageTs ?? null, storableText(a.finalText), a.approvedAt);
    return { ...a, id: Number(res.lastInsertRowid) };
  })();
}

export function copyApprovals(db: Database.Database, draftId?: string): CopyApproval[] {
  const rows = (draftId ? db.prepare('SELECT * FROM copy_approvals WHERE draft_id = ? ORDER BY id').all(draftId) : db.prepare('SELECT * FROM copy_approvals ORDER BY id').all()) as Row[];
  return rows.map(toApproval);
}
