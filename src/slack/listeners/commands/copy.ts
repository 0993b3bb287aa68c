import type { App } from '@slack/bolt';
import { MAX_INPUT_CHARS } from '../../../copy/draft.js';
import { commitMessagesFromSlack, COPY_USAGE } from '../../copy-input.js';
import { startCopyDraft } from '../../copy-flow.js';
import { background, type SlackRuntime } from '../../runtime.js';

/** `/copy <commit messages>`: ack at once, draft in the background, show the draft to the requester only. */
export function registerCopyCommand(app: App, rt: SlackRuntime): void {
  app.command('/copy', async ({ ack, command }) => {
    const messages = commitMessagesFromSlack(command.text);
    if (!messages.length) {
      await ack({ response_type: 'ephemeral', text: COPY_USAGE });
      return;
    }
    if (messages.join('\n').length > MAX_INPUT_CHARS) {
      await ack({ response_type: 'ephemeral', text: `That is more than ${MAX_INPUT_CHARS} characters of commits; draft a smaller range.` });
      return;
    }
    const n = messages.length;
    await ack({ response_type: 'ephemeral', text: `Drafting release copy from ${n} commit${n === 1 ? '' : 's'}… only you will see the draft.` });
    const to = { user: command.user_id, channel: command.channel_id, replyUrl: command.response_url };
    background('copy draft', { user: to.user }, () => startCopyDraft(rt, to, messages));
  });
}
