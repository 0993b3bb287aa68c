import type { WebClient } from '@slack/web-api';
import { userMessageOf } from '../errors.js';
import type { AskResult } from '../knowledge/answer/ask.js';
import { childLogger, type Logger } from '../log.js';
import type { StoredQuestion } from '../store/types.js';
import { sanitize } from '../security/sanitize/index.js';
import { answerMessage, plainMessage } from './blocks/answer.js';
import { escapeMrkdwn } from './blocks/escape.js';
import type { SlackDeps } from './deps.js';
import { ASSISTANT_STATUS, assistantThreadsFor } from './assistant/threads.js';
import { cannotPost, explainCannotPost } from './cannot-post.js';
import { escalateQuestion } from './escalate.js';
import { recordBotAnswer, recordQuestion } from './metrics-hooks.js';
import { refusalFor } from './guards.js';
import { guardOutgoingText } from './output-guard.js';
import { askUploads } from './uploads/ask-uploads.js';
import { asksWhy, MAX_QUESTION_CHARS, stripMentions, truncate } from './text.js';

const CONTEXT_TURNS = 6;
const TURN_CHARS = 1000;

/** The conversation key DM turns are stored under. */
function dmConversation(channel: string): string {
  return `dm:${channel}`;
}

/**
 * The worker for one stored question: gather context, ask, reply (or escalate), mark it done.
 * Never throws: failures are logged with ids and the asker gets a clear message where possible.
 */
export async function answerQuestion(deps: SlackDeps, client: WebClient, q: StoredQuestion): Promise<void> {
  const log = childLogger('slack.answer', { questionId: q.id, eventId: q.eventId, kind: q.kind, channel: q.channel });
  const started = Date.now();
  let placeholderTs: string | undefined;
  try {
    // Guests read nothing from the internal docs unless config allows it (proactive: stay quiet).
    const refusal = await refusalFor(client, q.user, deps.config.access);
    if (refusal) {
      log.info('question refused: the asker may not read the internal docs');
      if (q.kind !== 'proactive') await client.chat.postMessage({ channel: q.channel, thread_ts: q.threadTs, text: refusal });
      return await deps.store.finishQuestion(q.id, 'done');
    }
    if (q.kind === 'proactive') return await answerProactively(deps, client, q, log);
    // Progress: in the assistant pane a status line (cleared by the reply); elsewhere a placeholder
    // the answer replaces (chat.update), so a slow answer is never silence. The placeholder's ts is
    // stored with the question: an answer restarted after a crash updates it instead of posting again.
    const assistant = q.kind === 'dm' ? assistantThreadsFor(deps).get(q.channel, q.threadTs) : undefined;
    if (assistant) await setAssistantStatus(client, q, log);
    else {
      placeholderTs = q.placeholderTs ?? (await client.chat.postMessage({ channel: q.channel, thread_ts: q.threadTs, text: ':mag: Looking in the docs…' })).ts;
      if (placeholderTs && !q.placeholderTs) await deps.store.setPlaceholder(q.id, placeholderTs);
    }
    const context = await contextFor(deps, client, q, log);
    const asked = (q.kind === 'dm' ? await askUploads(deps, q, context) : undefined) ?? (await deps.asker.ask(q.text, { context, style: q.kind === 'dm' ? 'tutor' : 'answer', user: q.user }));
    const result = { ...asked, answer: await guardOutgoingText(asked.answer, deps.config, { questionId: q.id }) };
    const notes = q.truncated ? [`Your message was long; I read its first ${MAX_QUESTION_CHARS} characters.`] : [];
    if (result.fallback) notes.push(`The language model was unavailable (${result.fallback}); this is the offline answer.`);
    const message = answerMessage(result, { questionId: q.id, notes });
    await recordQuestion(deps, q, result);
    const replyTs = placeholderTs ? (await client.chat.update({ channel: q.channel, ts: placeholderTs, ...message }), placeholderTs) : (await client.chat.postMessage({ channel: q.channel, thread_ts: q.threadTs, ...message })).ts;
    await recordBotAnswer(deps, q);
    if (q.threadTs) await deps.store.markThread(q.channel, q.threadTs, 'answered');
    if (q.kind === 'dm') await rememberDmTurn(deps, q, result);
    await deps.store.finishQuestion(q.id, 'done', replyTs);
    log.info({ intent: result.intent, confidence: result.confidence, sources: result.sources.length, answeredBy: result.answeredBy, ms: Date.now() - started }, 'question answered');
    if (result.escalate && q.kind !== 'dm' && q.threadTs) {
      // "urgent" in the question is the asker's way past working hours and do-not-disturb.
      await escalateQuestion(deps, client, { questionId: q.id, channel: q.channel, threadTs: q.threadTs, asker: q.user, question: q.text, reason: result.reason, urgent: /\burgent\b/i.test(q.text) }, log);
    } else if (result.escalate && q.kind === 'dm') {
      const where = assistant?.contextChannel?.startsWith('C') ? `<#${assistant.contextChannel}>` : "your team's channel";
      await client.chat.postMessage({ channel: q.channel, thread_ts: q.threadTs, text: `This one is better answered by a person (${escapeMrkdwn(result.reason)}). Ask it in ${where} and mention me there, and I will route it to the right senior.` });
    }
  } catch (err) {
    if (!placeholderTs && cannotPost(err)) {
      await deps.store.finishQuestion(q.id, 'failed').catch(() => undefined);
      await explainCannotPost(client, { user: q.user, channel: q.channel }, err, log);
      return;
    }
    log.error({ err: (err as Error).message, code: (err as { code?: string }).code }, 'answering failed');
    await deps.store.finishQuestion(q.id, 'failed', placeholderTs).catch(() => undefined);
    const text = `Sorry, I could not answer that right now: ${userMessageOf(err)} Try again in a minute.`;
    try {
      if (placeholderTs) await client.chat.update({ channel: q.channel, ts: placeholderTs, ...plainMessage(text) });
      else await client.chat.postMessage({ channel: q.channel, thread_ts: q.threadTs, text });
    } catch (notifyErr) {
      log.error({ err: (notifyErr as Error).message }, 'could not tell the asker about the failure');
    }
  }
}

/** Unprompted: reply only when the docs clearly answer a what/how question; otherwise stay silent. */
async function answerProactively(deps: SlackDeps, client: WebClient, q: StoredQuestion, log: Logger): Promise<void> {
  const threadTs = q.threadTs ?? q.messageTs;
  // Checked again here (not only at ack time): two questions in one thread may both be queued.
  if (await deps.store.threadKind(q.channel, threadTs)) return deps.store.finishQuestion(q.id, 'done');
  const asked = await deps.asker.ask(q.text, { style: 'answer', user: q.user });
  const result = { ...asked, answer: await guardOutgoingText(asked.answer, deps.config, { questionId: q.id }) };
  const confident = !result.escalate && !asksWhy(q.text) && result.confidence >= deps.config.proactive.minConfidence;
  if (!confident) {
    log.info({ intent: result.intent, confidence: result.confidence }, 'proactive: staying quiet');
    return deps.store.finishQuestion(q.id, 'done');
  }
  await deps.store.markThread(q.channel, threadTs, 'proactive');
  const posted = await client.chat.postMessage({ channel: q.channel, thread_ts: threadTs, ...answerMessage(result, { questionId: q.id, proactive: true }) });
  await deps.store.finishQuestion(q.id, 'done', posted.ts);
  // An unprompted answer counts once it is posted; a silent pass was never a question to Deskmate.
  await recordQuestion(deps, q, result);
  await recordBotAnswer(deps, q);
  log.info({ confidence: result.confidence, sources: result.sources.length }, 'proactive answer posted');
}

async function contextFor(deps: SlackDeps, client: WebClient, q: StoredQuestion, log: Logger): Promise<string[]> {
  if (q.kind === 'dm' && !q.threadTs) {
    const turns = await deps.store.recentTurns(dmConversation(q.channel), CONTEXT_TURNS);
    return turns.map((t) => `${t.role === 'user' ? 'User' : 'Deskmate'}: ${t.text}`);
  }
  if (!q.threadTs || q.threadTs === q.messageTs) return [];
  try {
    const res = await client.conversations.replies({ channel: q.channel, ts: q.threadTs, limit: 50 });
    const earlier = (res.messages ?? []).filter((m) => m.ts && Number(m.ts) < Number(q.messageTs) && m.text && !m.text.startsWith(':mag:'));
    const turns = earlier.slice(-CONTEXT_TURNS).map((m) => {
      const who = m.bot_id || m.user === deps.botUserId ? 'Deskmate' : 'User';
      return `${who}: ${truncate(stripMentions(m.text ?? ''), TURN_CHARS)}`;
    });
    // Thread text reaches the LLM: it is sanitized like the question was.
    return await Promise.all(turns.map(async (t) => (await sanitize(t)).text));
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'conversations.replies failed; answering without thread context');
    return [];
  }
}

async function rememberDmTurn(deps: SlackDeps, q: StoredQuestion, result: AskResult): Promise<void> {
  const at = deps.now().getTime();
  const conversation = dmConversation(q.channel);
  await deps.store.addTurn(conversation, { role: 'user', text: truncate(q.text, TURN_CHARS), at });
  await deps.store.addTurn(conversation, { role: 'assistant', text: truncate(result.answer, TURN_CHARS), at });
}

/** The assistant pane's "is typing" line; Slack clears it when the reply is posted. A failure only loses the status. */
async function setAssistantStatus(client: WebClient, q: StoredQuestion, log: Logger): Promise<void> {
  try {
    await client.assistant.threads.setStatus({ channel_id: q.channel, thread_ts: q.threadTs!, status: ASSISTANT_STATUS });
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'assistant status not set');
  }
}
