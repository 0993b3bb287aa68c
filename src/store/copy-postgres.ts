import type pg from 'pg';
import { storableText } from '../db/storable-text.js';
import { APPROVABLE, storableJson, toApproval, toDraft } from './copy-rows.js';
import type { CopyApproval, CopyDraftRecord, CopyDraftStatus } from './types.js';

/**
 * Release-copy drafts and approvals on PostgreSQL (tables from migration 4; `user_id` because
 * `user` is reserved, JSON as TEXT so both stores read it the same way). PostgresStore delegates here.
 */

type Row = Record<string, unknown>;

/** An edit lands only on a draft still pending: one that moved on (posting, approved…) is not overwritten. */
export async function saveCopyDraft(pool: pg.Pool, d: CopyDraftRecord): Promise<boolean> {
  const res = await pool.query(
    `INSERT INTO copy_drafts (id, user_id, channel, messages, draft, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET draft = excluded.draft, messages = excluded.messages, status = excluded.status, updated_at = excluded.updated_at
     WHERE copy_drafts.status = 'pending'`,
    [storableText(d.id), storableText(d.user), storableText(d.channel), storableJson(d.messages), storableJson(d.draft), d.status, d.createdAt, d.updatedAt],
  );
  return res.rowCount === 1;
}

export async function getCopyDraft(pool: pg.Pool, id: string): Promise<CopyDraftRecord | undefined> {
  const [row] = (await pool.query('SELECT * FROM copy_drafts WHERE id = $1', [id])).rows as Row[];
  return row ? toDraft(row, String(row.user_id)) : undefined;
}

export async function moveCopyDraft(pool: pg.Pool, id: string, from: CopyDraftStatus, to: CopyDraftStatus): Promise<boolean> {
  const res = await pool.query('UPDATE copy_drafts SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4', [to, Date.now(), id, from]);
  return res.rowCount === 1;
}

export async function recordCopyApproval(pool: pg.Pool, a: Omit<CopyApproval, 'id'>): Promise<CopyApproval | undefined> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const moved = await client.query("UPDATE copy_drafts SET status = 'approved', updated_at = $1 WHERE id = $2 AND status = ANY($3)", [a.approvedAt, a.draftId, [...APPROVABLE]]);
    if (moved.rowCount === 0) {
      await client.query('ROLLBACK');
      return undefined;
    }
    const { rows } = await client.query('INSERT INTO copy_approvals (draft_id, approver, channel, message_ts, final_text, approved_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id', [
      a.draftId,
      storableText(a.approver),
      storableText(a.channel),
      a.messageTs ?? null,
      storableText(a.finalText),
      a.approvedAt,
    ]);
    await client.query('COMMIT');
    return { ...a, id: Number(rows[0].id) };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

export async function copyApprovals(pool: pg.Pool, draftId?: string): Promise<CopyApproval[]> {
  const res = draftId ? await pool.query('SELECT * FROM copy_approvals WHERE draft_id = $1 ORDER BY id', [draftId]) : await pool.query('SELECT * FROM copy_approvals ORDER BY id');
  return (res.rows as Row[]).map(toApproval);
}
