import { docsContextFor } from '../knowledge/answer/docs-context.js';
import crypto from 'node:crypto';
import { draftCopy } from '../copy/draft.js';
import { reviewEditedCopy } from '../copy/review.js';
import type { CopyText } from '../copy/types.js';
import { userMessageOf } from '../errors.js';
import { childLogger } from '../log.js';
import type { CopyDraftRecord } from '../store/types.js';
import { sanitize } from '../security/sanitize/index.js';
import { announcementMessage, announcementText, copyDraftMessage } from './blocks/copy.js';
import { type CopyAudience, notify, replaceDraftMessage, showPrivately } from './copy-reply.js';
import type { SlackRuntime } from './runtime.js';

/**
 * The /copy approval flow: a draft belongs to its requester, is shown only to them, and reaches
 * the announcements channel only through their Approve click. Every step re-reads the draft from
 * the store, so buttons keep working after a restart and on another replica.
 */

const log = childLogger('slack.copy');

const ANNOUNCEMENTS_UNSET =
  'Nothing was posted: no announcements channel is configured. Set `copy.announcementsChannel` in deskmate.config.yaml to a channel ID (e.g. C0123456789), invite Deskmate to that channel, restart, then click Approve & post again.';

/** Policy: who may act on a draft, and whether it still takes actions. */
export function refusal(record: CopyDraftRecord | undefined, user: string): string | undefined {
  if (!record) return 'I cannot find that draft any more; run `/copy` again.';
  if (record.user !== user) return `Only <@${record.user}>, who asked for this draft, can act on it.`;
  switch (record.status) {
    case 'pending':
      return undefined;
    case 'posting':
      return 'This draft is being posted right now.';
    case 'approved':
      return 'This draft was already approved and posted.';
    case 'discarded':
      return 'This draft was discarded; run `/copy` again for a new one.';
    case 'replaced':
      return 'This draft was replaced by a newer one; use the buttons on that one.';
  }
}

async function newDraft(rt: SlackRuntime, user: string, channel: string, messages: string[]): Promise<CopyDraftRecord> {
  const draft = await draftCopy(messages, { config: rt.deps.config, context: await docsContextFor(rt.deps.asker, messages) });
  const now = rt.deps.now().getTime();
  const record: CopyDraftRecord = { id: crypto.randomUUID(), user, channel, messages, draft, status: 'pending', createdAt: now, updatedAt: now };
  await rt.deps.store.saveCopyDraft(record);
  log.info({ draftId: record.id, commits: messages.length, source: draft.source, open: draft.violations.filter((v) => !v.fixed).length }, 'copy draft ready');
  return record;
}

/** Off the request path: sanitize the commits, draft, persist, show the draft to the requester only. */
export async function startCopyDraft(rt: SlackRuntime, to: CopyAudience, rawMessages: string[]): Promise<void> {
  try {
    const messages = [];
    for (const m of rawMessages) messages.push((await sanitize(m)).text);
    const record = await newDraft(rt, to.user, to.channel, messages);
    await showPrivately(rt, to, copyDraftMessage(record));
  } catch (err) {
    log.error({ err: (err as Error).message, user: to.user }, 'copy draft failed');
    await notify(rt, to, `I could not draft the copy: ${userMessageOf(err)}`);
  }
}

async function load(rt: SlackRuntime, draftId: string, to: CopyAudience): Promise<CopyDraftRecord | undefined> {
  const record = await rt.deps.store.getCopyDraft(draftId);
  const why = refusal(record, to.user);
  if (why) {
    log.info({ draftId, user: to.user, status: record?.status }, 'copy action refused');
    await notify(rt, to, why);
    return undefined;
  }
  return record;
}

export async function approveCopyDraft(rt: SlackRuntime, draftId: string, to: CopyAudience): Promise<void> {
  const record = await load(rt, draftId, to);
  if (!record) return;
  const channel = rt.deps.config.copy.announcementsChannel;
  if (!channel) {
    await notify(rt, to, ANNOUNCEMENTS_UNSET);
    return;
  }
  // One click wins: a double click or a second replica finds the draft already "posting".
  if (!(await rt.deps.store.moveCopyDraft(draftId, 'pending', 'posting'))) {
    await notify(rt, to, refusal(await rt.deps.store.getCopyDraft(draftId), to.user) ?? 'This draft changed meanwhile; try again.');
    return;
  }
  const message = announcementMessage(record.draft);
  if (!message.blocks.length) {
    await rt.deps.store.moveCopyDraft(draftId, 'posting', 'pending');
    await notify(rt, to, 'Nothing was posted: the headline, blurb and changelog are all empty. Click Edit to write them.');
    return;
  }
  let ts: string | undefined;
  try {
    const res = await rt.client.chat.postMessage({ channel, unfurl_links: false, ...message });
    ts = res.ts;
  } catch (err) {
    await rt.deps.store.moveCopyDraft(draftId, 'posting', 'pending');
    const code = (err as { data?: { error?: string } }).data?.error ?? (err as Error).message;
    log.error({ draftId, channel, err: code }, 'announcement post failed');
    const hint = code === 'not_in_channel' || code === 'channel_not_found' ? ` Invite Deskmate to <#${channel}> (copy.announcementsChannel) and click Approve & post again.` : ' Click Approve & post to try again.';
    await notify(rt, to, `Posting to <#${channel}> failed (${code}); nothing was posted.${hint}`);
    return;
  }
  const approval = await rt.deps.store.recordCopyApproval({ draftId, approver: to.user, channel, messageTs: ts, finalText: announcementText(record.draft), approvedAt: rt.deps.now().getTime() });
  // Only the click holding "posting" gets here; a draft changed meanwhile keeps its state and the post stands.
  if (!approval) log.warn({ draftId, channel, ts }, 'posted, but the draft had changed meanwhile; no approval recorded');
  else log.info({ draftId, approvalId: approval.id, channel, ts }, 'copy approved and posted');
  await replaceDraftMessage(rt, to, { text: `Approved by <@${to.user}> and posted to <#${channel}>.` });
}

export async function discardCopyDraft(rt: SlackRuntime, draftId: string, to: CopyAudience): Promise<void> {
  if (!(await load(rt, draftId, to))) return;
  if (!(await rt.deps.store.moveCopyDraft(draftId, 'pending', 'discarded'))) {
    await notify(rt, to, refusal(await rt.deps.store.getCopyDraft(draftId), to.user) ?? 'This draft changed meanwhile.');
    return;
  }
  log.info({ draftId }, 'copy draft discarded');
  await replaceDraftMessage(rt, to, { text: 'Draft discarded; nothing was posted.' });
}

export async function regenerateCopyDraft(rt: SlackRuntime, draftId: string, to: CopyAudience): Promise<void> {
  const old = await load(rt, draftId, to);
  if (!old) return;
  try {
    const fresh = await newDraft(rt, old.user, old.channel, old.messages);
    if (!(await rt.deps.store.moveCopyDraft(draftId, 'pending', 'replaced'))) {
      await rt.deps.store.moveCopyDraft(fresh.id, 'pending', 'discarded');
      await notify(rt, to, refusal(await rt.deps.store.getCopyDraft(draftId), to.user) ?? 'This draft changed meanwhile.');
      return;
    }
    const note = fresh.draft.source === 'offline' ? 'Regenerated. The offline drafter is deterministic, so the text may not change; configure an LLM for the copy task for variety.' : 'Regenerated.';
    await replaceDraftMessage(rt, to, copyDraftMessage(fresh, note));
  } catch (err) {
    log.error({ draftId, err: (err as Error).message }, 'copy regeneration failed');
    await notify(rt, to, `I could not regenerate the copy: ${userMessageOf(err)}`);
  }
}

/** The requester's edits: the guards run again, nothing is rewritten, open findings are shown. */
export async function applyCopyEdit(rt: SlackRuntime, draftId: string, edited: CopyText, to: CopyAudience): Promise<void> {
  const record = await load(rt, draftId, to);
  if (!record) return;
  const violations = reviewEditedCopy(edited, record.messages, { config: rt.deps.config });
  const updated: CopyDraftRecord = { ...record, draft: { ...record.draft, ...edited, captions: { ...edited.captions }, violations }, updatedAt: rt.deps.now().getTime() };
  if (!(await rt.deps.store.saveCopyDraft(updated))) {
    await notify(rt, to, refusal(await rt.deps.store.getCopyDraft(draftId), to.user) ?? 'This draft changed meanwhile.');
    return;
  }
  log.info({ draftId, open: violations.length }, 'copy draft edited');
  const note = violations.length ? `Edited. ${violations.length} check${violations.length === 1 ? '' : 's'} still failing; edit again or approve anyway.` : 'Edited. All checks pass.';
  await replaceDraftMessage(rt, to, copyDraftMessage(updated, note));
}
