import type { App } from '@slack/bolt';
import { userMessageOf } from '../../../errors.js';
import { childLogger } from '../../../log.js';
import { readConventions } from '../../../scaffold/context.js';
import { scaffold } from '../../../scaffold/scaffold.js';
import { scaffoldMessage } from '../../blocks/scaffold.js';
import { replyPrivately } from '../../private-reply.js';
import { background, type SlackRuntime } from '../../runtime.js';

const log = childLogger('slack.scaffold');
const EXEMPLAR_CANDIDATES = 20;

/** `/scaffold <what to build>`: ack at once, generate off the request path, reply ephemerally to the caller. */
export function registerScaffoldCommand(app: App, rt: SlackRuntime): void {
  app.command('/scaffold', async ({ ack, command }) => {
    const request = command.text.trim();
    if (!request) {
      await ack({ response_type: 'ephemeral', text: 'Say what to build, e.g. `/scaffold a controller for refunds`.' });
      return;
    }
    await ack({ response_type: 'ephemeral', text: ':hammer_and_wrench: Scaffolding from your team\'s code and conventions…' });
    const { user_id: user } = command;
    const to = { user, channel: command.channel_id, responseUrl: command.response_url };
    background('scaffold', { user }, async () => {
      try {
        const { config } = rt.deps;
        const index = rt.deps.asker;
        const gate = await rt.deps.models.forTask('scaffold', user);
        const result = await scaffold(request, {
          retrieve: (q) => index.codeExemplars(q, EXEMPLAR_CANDIDATES),
          conventions: readConventions(config),
          model: gate.model,
          ...(await index.importUniverse()),
        });
        if (gate.blocked) result.note = [result.note, gate.blocked.message].filter(Boolean).join(' ');
        log.info({ user, language: result.language, exemplars: result.exemplars.length, unresolved: result.unresolved.length, model: result.model ?? 'offline' }, 'scaffold done');
        await replyPrivately(rt.client, to, scaffoldMessage(request, result));
      } catch (err) {
        log.error({ err: (err as Error).message }, 'scaffold failed');
        await replyPrivately(rt.client, to, { text: `I could not scaffold that: ${userMessageOf(err)}` });
      }
    });
  });
}
