import type { Kysely } from 'kysely';
import { changed } from '../db/kysely.js';
import { storableText } from '../db/storable-text.js';
import { APPROVABLE, storableJson, toApproval, toDraft } from './copy-rows.js';
import type { StoreTables } from './schema.js';
import type { CopyApproval, CopyDraftRecord, CopyDraftStatus } from './types.js';

/**
 * Release-copy drafts and approvals (tables from migration 4), one codebase for both databases;
 * JSON as TEXT so both read it the same way. Kept apart so kysely-store.ts stays readable.
 */
type Db = Kysely<StoreTables>;

/** An edit lands only on a draft still pending: one that moved on (posting, approved…) is not overwritten. */
export async function saveCopyDraft(db: Db, d: CopyDraftRecord): Promise<boolean> {
  const res = await db
    .insertInto('copy_drafts')
    .values({ id: storableText(d.id), user_id: storableText(d.user), channel: storableText(d.channel), messages: storableJson(d.messages), draft: storableJson(d.draft), status: d.status, created_at: d.createdAt, updated_at: d.updatedAt })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => ({ draft: eb.ref('excluded.draft'), messages: eb.ref('excluded.messages'), status: eb.ref('excluded.status'), updated_at: eb.ref('excluded.updated_at') }))
        .where('copy_drafts.status', '=', 'pending'),
    )
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function getCopyDraft(db: Db, id: string): Promise<CopyDraftRecord | undefined> {
  const row = await db.selectFrom('copy_drafts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toDraft(row, String(row.user_id)) : undefined;
}

export async function moveCopyDraft(db: Db, id: string, from: CopyDraftStatus, to: CopyDraftStatus): Promise<boolean> {
  const res = await db.updateTable('copy_drafts').set({ status: to, updated_at: Date.now() }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return changed(res) === 1;
}

/** Marks the draft approved (compare-and-set on its state) and records the approval, in one transaction. */
export function recordCopyApproval(db: Db, a: Omit<CopyApproval, 'id'>): Promise<CopyApproval | undefined> {
  return db.transaction().execute(async (trx) => {
    const moved = await trx.updateTable('copy_drafts').set({ status: 'approved', updated_at: a.approvedAt }).where('id', '=', a.draftId).where('status', 'in', [...APPROVABLE]).executeTakeFirst();
    if (changed(moved) === 0) return undefined;
    const row = await trx
      .insertInto('copy_approvals')
      .values({ draft_id: a.draftId, approver: storableText(a.approver), channel: storableText(a.channel), message_ts: a.messageTs ?? null, final_text: storableText(a.finalText), approved_at: a.approvedAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ...a, id: Number(row.id) };
  });
}

export async function copyApprovals(db: Db, draftId?: string): Promise<CopyApproval[]> {
  let q = db.selectFrom('copy_approvals').selectAll().orderBy('id');
  if (draftId) q = q.where('draft_id', '=', draftId);
  return (await q.execute()).map((r) => toApproval(r));
}
