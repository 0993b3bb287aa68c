import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION_IDS } from '../../blocks/answer.js';
import { changeEscalation } from '../../escalation-update.js';
import { background, type SlackRuntime } from '../../runtime.js';

/** "I'll take it" (seniors only) and "Resolved", from the thread notice or the senior's DM. */
export function registerEscalationActions(app: App, rt: SlackRuntime): void {
  const handle = (actionId: string, type: 'claim' | 'resolve') =>
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action }) => {
      await ack();
      const id = Number(action.value);
      const actor = body.user.id;
      const channel = body.channel?.id;
      background(`escalation ${type}`, { escalationId: id }, async () => {
        const result = await changeEscalation(rt, id, { type, actor });
        if (!result.ok && channel) await rt.client.chat.postEphemeral({ channel, user: actor, text: result.reason });
      });
    });
  handle(ACTION_IDS.claim, 'claim');
  handle(ACTION_IDS.resolve, 'resolve');
}
