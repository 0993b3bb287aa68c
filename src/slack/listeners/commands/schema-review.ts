import type { App } from '@slack/bolt';
import { userMessageOf } from '../../../errors.js';
import { answerSchemaReview } from '../../../knowledge/answer/schema-review-answer.js';
import { childLogger } from '../../../log.js';
import { sourcesBlock } from '../../blocks/answer.js';
import { escapeMrkdwn } from '../../blocks/escape.js';
import { background, type SlackRuntime } from '../../runtime.js';
import { FALLBACK_TEXT_LIMIT, MAX_BLOCKS, SECTION_TEXT_LIMIT, splitText, truncate } from '../../text.js';

const log = childLogger('slack.schema-review');
const QUESTION = 'Review this schema for a migration: in what order should the tables be migrated, are there circular foreign keys, tables without primary keys, or foreign keys without indexes?';

/** `/schema-review [focus]`: the computed review of the indexed tables (plus a model's notes when one is configured), ephemeral. */
export function registerSchemaReviewCommand(app: App, rt: SlackRuntime): void {
  app.command('/schema-review', async ({ ack, command }) => {
    await ack({ response_type: 'ephemeral', text: ':mag: Reviewing the indexed schema…' });
    const { channel_id: channel, user_id: user } = command;
    background('schema review', { user }, async () => {
      try {
        const snapshot = await rt.deps.asker.schema();
        if (!snapshot.tables.length) {
          await rt.client.chat.postEphemeral({ channel, user, text: 'The index holds no SQL tables. Add your schema (.sql) to the indexed docs, or share the file with me in a DM and ask there.' });
          return;
        }
        const focus = command.text.trim();
        const gate = await rt.deps.models.forTask('review', user);
        const r = await answerSchemaReview(focus ? `${QUESTION} Focus: ${focus}` : QUESTION, snapshot.tables, snapshot.chunks, gate.model);
        const text = gate.blocked ? `${r.answer}\n\n_(${gate.blocked.message})_` : r.answer;
        const blocks: unknown[] = splitText(escapeMrkdwn(text), SECTION_TEXT_LIMIT - 10)
          .slice(0, MAX_BLOCKS - 2)
          .map((t) => ({ type: 'section', text: { type: 'mrkdwn', text: t } }));
        const sources = sourcesBlock(r.sources);
        if (sources) blocks.push(sources);
        blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: r.answeredBy === 'schema-review' ? 'Computed from the schema (no language model).' : `Review notes by ${escapeMrkdwn(r.answeredBy)}.` }] });
        log.info({ user, tables: r.review.tableCount, answeredBy: r.answeredBy }, 'schema review posted');
        await rt.client.chat.postEphemeral({ channel, user, text: truncate(text, FALLBACK_TEXT_LIMIT), blocks } as never);
      } catch (err) {
        log.error({ err: (err as Error).message }, 'schema review failed');
        await rt.client.chat.postEphemeral({ channel, user, text: `I could not review the schema: ${userMessageOf(err)}` });
      }
    });
  });
}
