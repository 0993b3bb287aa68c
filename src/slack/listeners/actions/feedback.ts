import { childLogger } from '../../../log.js';
import type { FeedbackKind } from '../../../store/types.js';
import type { ButtonRouter } from './router.js';
import { ACTION_IDS } from '../../blocks/answer.js';
import { escalateQuestion } from '../../escalate.js';
import { recordFeedback } from '../../metrics-hooks.js';
import { replyPrivately } from '../../private-reply.js';
import { background, type SlackRuntime } from '../../runtime.js';

const log = childLogger('slack.feedback');

const KINDS: Array<[string, FeedbackKind, string]> = [
  [ACTION_IDS.helpful, 'helpful', 'Thanks, glad it helped.'],
  [ACTION_IDS.notHelpful, 'not_helpful', 'Thanks for telling me. Click "Ask a senior" if you still need an answer.'],
  [ACTION_IDS.solved, 'solved', 'Great, marked as solved.'],
  [ACTION_IDS.askSenior, 'ask_senior', 'Asking a senior in the thread.'],
  [ACTION_IDS.needHuman, 'still_need_human', 'Asking a senior in the thread.'],
];

/** Answer buttons: record the feedback; "Ask a senior" / "Still need a human" open an escalation. */
export function registerFeedback(router: ButtonRouter, rt: SlackRuntime): void {
  for (const [actionId, kind, reply] of KINDS) {
    router.action(actionId, async ({ ack, body, action }) => {
      await ack();
      const questionId = Number(action.value);
      const user = body.user.id;
      const channel = body.channel?.id;
      const tell = (text: string) => (channel ? replyPrivately(rt.client, { user, channel, responseUrl: body.response_url }, { text }) : Promise.resolve());
      background('feedback', { questionId, kind }, async () => {
        const question = Number.isInteger(questionId) ? await rt.deps.store.getQuestion(questionId) : undefined;
        if (!question) {
          await tell('I cannot find that question any more.');
          return;
        }
        await rt.deps.store.recordFeedback(questionId, user, kind);
        await recordFeedback(rt.deps, question, user, kind);
        log.info({ questionId, kind }, 'feedback recorded');
        await tell(reply);
        if (kind === 'ask_senior' || kind === 'still_need_human') {
          await escalateQuestion(
            rt.deps,
            rt.client,
            { questionId, channel: question.channel, threadTs: question.threadTs ?? question.messageTs, asker: question.user, question: question.text, reason: kind === 'ask_senior' ? 'the asker asked for a senior' : 'the unprompted answer did not solve it' },
            log.child({ questionId }),
          );
        }
      });
    });
  }
}
