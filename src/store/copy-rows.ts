import type { CopyDraft } from '../copy/types.js';
import { storableText } from '../db/storable-text.js';
import type { CopyApproval, CopyDraftRecord, CopyDraftStatus } from './types.js';

/** Row → record for release-copy drafts and approvals, the same on SQLite and PostgreSQL. */

type Row = Record<string, unknown>;

/** Shared by both stores: they differ only in the requester column's name. */
export function toDraft(r: Row, user: string): CopyDraftRecord {
  return {
    id: String(r.id),
    user,
    channel: String(r.channel),
    messages: JSON.parse(String(r.messages)) as string[],
    draft: JSON.parse(String(r.draft)) as CopyDraft,
    status: r.status as CopyDraftStatus,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

export function toApproval(r: Row): CopyApproval {
  return {
    id: Number(r.id),
    draftId: String(r.draft_id),
    approver: String(r.approver),
    channel: String(r.channel),
    messageTs: r.message_ts === null || r.message_ts === undefined ? undefined : String(r.message_ts),
    finalText: String(r.final_text),
    approvedAt: Number(r.approved_at),
  };
}

/** JSON columns as stored: every string inside made storable (see storable-text.ts). */
export function storableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? storableText(v) : v));
}

/** States a draft is still open in: an approval may land on it. */
export const APPROVABLE = ['pending', 'posting'] as const;
