import type { BlockAction } from '@slack/bolt';
import type { ButtonRouter } from './router.js';
import { childLogger } from '../../../log.js';
import { COPY_ACTION_IDS, copyEditModal } from '../../blocks/copy.js';
import { approveCopyDraft, discardCopyDraft, refusal, regenerateCopyDraft } from '../../copy-flow.js';
import { type CopyAudience, notify } from '../../copy-reply.js';
import { background, type SlackRuntime } from '../../runtime.js';

const log = childLogger('slack.copy');

function audienceOf(body: BlockAction): CopyAudience {
  const channel = body.channel?.id ?? body.container?.channel_id ?? body.user.id;
  // The click's response_url both replaces the draft and carries new private notices.
  return { user: body.user.id, channel, responseUrl: body.response_url, replyUrl: body.response_url };
}

/** The draft's buttons. Each re-reads the draft and checks the clicker is its requester. */
export function registerCopyActions(router: ButtonRouter, rt: SlackRuntime): void {
  const steps: Array<[string, (rt: SlackRuntime, draftId: string, to: CopyAudience) => Promise<void>]> = [
    [COPY_ACTION_IDS.approve, approveCopyDraft],
    [COPY_ACTION_IDS.regenerate, regenerateCopyDraft],
    [COPY_ACTION_IDS.discard, discardCopyDraft],
  ];
  for (const [actionId, step] of steps) {
    router.action(actionId, async ({ ack, body, action }) => {
      await ack();
      background(actionId, { draftId: action.value }, () => step(rt, String(action.value), audienceOf(body)));
    });
  }

  // The modal must open within the trigger's 3 s, so this one works before the ack returns.
  router.action(COPY_ACTION_IDS.edit, async ({ ack, body, action, client }) => {
    await ack();
    const to = audienceOf(body);
    const draftId = String(action.value);
    const record = await rt.deps.store.getCopyDraft(draftId);
    const why = refusal(record, to.user);
    if (why || !record) {
      background('copy edit refusal', { draftId }, () => notify(rt, to, why ?? 'I cannot find that draft any more.'));
      return;
    }
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: copyEditModal(record.draft, { draftId, channel: to.channel, responseUrl: to.responseUrl }) });
    } catch (err) {
      log.warn({ draftId, err: (err as Error).message }, 'edit modal did not open');
      background('copy edit notice', { draftId }, () => notify(rt, to, 'The edit form did not open (Slack allows 3 seconds); click Edit again.'));
    }
  });
}
