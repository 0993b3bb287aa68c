import type { App, ViewSubmitAction } from '@slack/bolt';
import { COPY_EDIT_CALLBACK_ID, editedCopy, parseEditMetadata } from '../../blocks/copy.js';
import { applyCopyEdit } from '../../copy-flow.js';
import { background, type SlackRuntime } from '../../runtime.js';

/** The edit modal's submit: close it, re-check the edited copy, show the updated draft privately. */
export function registerCopyEditSubmit(app: App, rt: SlackRuntime): void {
  app.view<ViewSubmitAction>(COPY_EDIT_CALLBACK_ID, async ({ ack, body, view }) => {
    const meta = parseEditMetadata(view.private_metadata);
    await ack();
    if (!meta) return;
    const to = { user: body.user.id, channel: meta.channel, responseUrl: meta.responseUrl, replyUrl: meta.responseUrl };
    background('copy edit', { draftId: meta.draftId }, async () => {
      const record = await rt.deps.store.getCopyDraft(meta.draftId);
      const edited = editedCopy(view.state.values, record?.draft ?? { headline: '', blurb: '', captions: { x: '', linkedin: '', mastodon: '' }, changelog: '' });
      await applyCopyEdit(rt, meta.draftId, edited, to);
    });
  });
}
