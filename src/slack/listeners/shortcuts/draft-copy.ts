import type { App, MessageShortcut } from '@slack/bolt';
import { MAX_INPUT_CHARS } from '../../../copy/draft.js';
import { COPY_SHORTCUT_CALLBACK_ID } from '../../blocks/copy.js';
import { commitMessagesFromSlack } from '../../copy-input.js';
import { startCopyDraft } from '../../copy-flow.js';
import { notify } from '../../copy-reply.js';
import { background, type SlackRuntime } from '../../runtime.js';

/** "Draft copy" on a message listing commits: the same flow as /copy, with that message's text. */
export function registerDraftCopyShortcut(app: App, rt: SlackRuntime): void {
  app.shortcut<MessageShortcut>({ callback_id: COPY_SHORTCUT_CALLBACK_ID, type: 'message_action' }, async ({ ack, shortcut }) => {
    await ack();
    const to = { user: shortcut.user.id, channel: shortcut.channel.id, replyUrl: shortcut.response_url };
    const messages = commitMessagesFromSlack(shortcut.message.text ?? '');
    background('copy draft', { user: to.user }, async () => {
      if (!messages.length) return notify(rt, to, 'That message has no text to draft from. Use the shortcut on a message that lists commit messages, or run `/copy`.');
      if (messages.join('\n').length > MAX_INPUT_CHARS) return notify(rt, to, `That message holds more than ${MAX_INPUT_CHARS} characters of commits; draft a smaller range with \`/copy\`.`);
      return startCopyDraft(rt, to, messages);
    });
  });
}
