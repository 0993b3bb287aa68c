import type { App } from '@slack/bolt';
import { userMessageOf } from '../../../errors.js';
import { answerSchemaReview } from '../../../knowledge/answer/schema-review-answer.js';
import { childLogger } from '../../../log.js';
import { sourcesBlock } from '../../blocks/answer.js';
import { escapeMrkdwn } from '../../blocks/escape.js';
import { markdownToMrkdwn, splitMrkdwn } from '../../blocks/mrkdwn.js';
import type { KnownBlock } from '@slack/types';
import { replyPrivately } from '../../private-reply.js';
import { background, type SlackRuntime } from '../../runtime.js';
import { FALLBACK_TEXT_LIMIT, MAX_BLOCKS, SECTION_TEXT_LIMIT, truncate } from '../../text.js';

const log = childLogger('slack.schema-review');
const QUESTION = 'Review this schema for a migration: in what order should the tables be migrated, are there circular foreign keys, tables without primary keys, or foreign keys without indexes?';

/** `/schema-review [focus]`: the computed review of the indexed tables (plus a model's notes when one is configured), ephemeral. */
export function registerSchemaReviewCommand(app: App, rt: SlackRuntime): void {
  app.command('/schema-review', async ({ ack, command }) => {
    await ack({ response_type: 'ephemeral', text: ':mag: Reviewing the indexed schema…' });
    const { user_id: user } = command;
    const to = { user, channel: command.channel_id, responseUrl: command.response_url };
    background('schema review', { user }, async () => {
      try {
        const snapshot = await rt.deps.asker.schema();
        if (!snapshot.tables.length) {
          await replyPrivately(rt.client, to, { text: 'The index holds no SQL tables. Add your schema (.sql) to the indexed docs, or share the file with me in a DM and ask there.' });
          return;
        }
        const focus = command.text.trim();
        const gate = await rt.deps.models.forTask('review', user);
        const r = await answerSchemaReview(focus ? `${QUESTION} Focus: ${focus}` : QUESTION, snapshot.tables, snapshot.chunks, gate.model);
        const text = gate.blocked ? `${r.answer}\n\n_(${gate.blocked.message})_` : r.answer;
        const blocks: KnownBlock[] = splitMrkdwn(markdownToMrkdwn(text), SECTION_TEXT_LIMIT - 10)
          .slice(0, MAX_BLOCKS - 2)
          .map((t): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: t } }));
        const sources = sourcesBlock(r.sources);
        if (sources) blocks.push(sources);
        blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: r.answeredBy === 'schema-review' ? 'Computed from the schema (no language model).' : `Review notes by ${escapeMrkdwn(r.answeredBy)}.` }] });
        log.info({ user, tables: r.review.tableCount, answeredBy: r.answeredBy }, 'schema review posted');
        await replyPrivately(rt.client, to, { text: truncate(text, FALLBACK_TEXT_LIMIT), blocks });
      } catch (err) {
        log.error({ err: (err as Error).message }, 'schema review failed');
        await replyPrivately(rt.client, to, { text: `I could not review the schema: ${userMessageOf(err)}` });
      }
    });
  });
}
