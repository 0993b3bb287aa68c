import type { ButtonRouter } from './router.js';
import { ACTION_IDS } from '../../blocks/answer.js';
import { changeEscalation } from '../../escalation-update.js';
import { replyPrivately } from '../../private-reply.js';
import { background, type SlackRuntime } from '../../runtime.js';

/** "I'll take it" (seniors only), "Resolved", and the asker's "It's urgent" while it waits for working hours. */
export function registerEscalationActions(router: ButtonRouter, rt: SlackRuntime): void {
  const handle = (actionId: string, type: 'claim' | 'resolve' | 'urgent') =>
    router.action(actionId, async ({ ack, body, action }) => {
      await ack();
      const id = Number(action.value);
      const actor = body.user.id;
      const channel = body.channel?.id;
      background(`escalation ${type}`, { escalationId: id }, async () => {
        const result = await changeEscalation(rt, id, type === 'urgent' ? { type, actor, at: rt.deps.now().getTime() } : { type, actor });
        if (!result.ok && channel) await replyPrivately(rt.client, { user: actor, channel, responseUrl: body.response_url }, { text: result.reason });
      });
    });
  handle(ACTION_IDS.claim, 'claim');
  handle(ACTION_IDS.resolve, 'resolve');
  handle(ACTION_IDS.urgent, 'urgent');
}
