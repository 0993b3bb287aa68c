import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { z } from 'zod';
import { DeskmateError, ErrorCode } from '../errors.js';
import type { TaskModel } from '../llm/models.js';
import { type BrandVoice, limitFor } from './brand-voice.js';
import { BLURB_SENTENCES, type CopyText, type DocContext, type ParsedCommit } from './types.js';

/**
 * The LLM drafter: one prompt carrying the brand voice, the budgets and the allowed facts;
 * a JSON reply parsed leniently. Its output is never trusted: the same guards run on it.
 */

export interface LlmPromptInput {
  commits: ParsedCommit[];
  productName?: string;
  voice: BrandVoice;
  facts: string[];
  docs: DocContext[];
  /** Findings on the previous attempt, so a regeneration can avoid them. */
  feedback?: string[];
}

function buildCopyPrompt(input: LlmPromptInput): { system: string; user: string } {
  const banned = input.voice.banned.map((b) => (b.replacement ? `${b.phrase} (write "${b.replacement}")` : b.phrase)).join(', ');
  const limit = (field: Parameters<typeof limitFor>[0]) => limitFor(field, input.voice);
  const system = [
    'You write release announcements for a software product, in the team\'s voice. Reply with one JSON object and nothing else:',
    '{"headline": string, "blurb": string, "captions": {"x": string, "linkedin": string, "mastodon": string}}',
    '',
    'Rules:',
    `- headline: at most ${limit('headline')} characters, sentence case, the user's benefit first (a latency figure means "faster", a fix says what now works, a feature says what the reader can now do), no emoji, no commit syntax (no "feat:"/"fix(scope):" prefixes, no PR numbers like #123, no backticks).`,
    `- blurb: ${BLURB_SENTENCES.min} to ${BLURB_SENTENCES.max} sentences, one idea per sentence.`,
    `- captions differ in form: x is one message of at most ${limit('captions.x')} characters; linkedin is a short paragraph then bullets, at most ${limit('captions.linkedin')}; mastodon at most ${limit('captions.mastodon')}. No PR numbers.`,
    input.voice.identifiers === 'code'
      ? '- Code names (functions, options, types) stay as written, in `backticks`.'
      : '- Write code names as plain words ("generateCodeFrame" → "generate code frame", "user_dashboard" → "user dashboard"); no backticks.',
    '- Write units and numbers properly: "400 ms", "10,000 rows".',
    '- Never mention people, e-mail addresses, @handles or commit trailers (Co-authored-by, Signed-off-by).',
    '- Breaking changes come first and are said to be breaking.',
    `- Emoji: none in the headline; at most ${input.voice.emoji.maxPerCaption} per caption or blurb.`,
    `- Never use these words or phrases: ${banned || '(none)'}.`,
    '- Use only figures, units, percentages, versions and names that appear in the commits. Never turn one figure into another (a latency in ms is not a percentage), never estimate, never compare with numbers of your own.',
    input.productName ? `- The product is called "${input.productName}"; spell it exactly so.` : '- Do not invent a product name.',
    ...(input.voice.tone.length ? ['', 'Tone:', ...input.voice.tone.map((t) => `- ${t}`)] : []),
  ].join('\n');
  const commits = input.commits.map((c, i) => {
    const tags = [c.type ?? 'change', c.scope ? `scope ${c.scope}` : null, c.breaking ? 'BREAKING' : null].filter(Boolean).join(', ');
    return `${i + 1}. [${tags}] ${c.summary}${c.body ? `\n   ${c.body.replace(/\n/g, '\n   ')}` : ''}${c.breakingNotes.length ? `\n   Breaking: ${c.breakingNotes.join('; ')}` : ''}`;
  });
  const user = [
    'Commits in this release:',
    ...commits,
    '',
    `Facts you may use: ${input.facts.length ? input.facts.join(', ') : '(no figures or versions)'}`,
    ...(input.docs.length
      ? ['', 'Documentation about the changed feature (use it to explain the benefit; do not copy figures from it):', ...input.docs.map((d) => `[${d.path} — ${d.section}]\n${d.text.slice(0, 1200)}`)]
      : []),
    ...(input.feedback?.length ? ['', 'Your previous draft broke these rules; write a new draft that does not:', ...input.feedback.map((f) => `- ${f}`)] : []),
  ].join('\n');
  return { system, user };
}

const captionsSchema = z.object({ x: z.string().default(''), linkedin: z.string().default(''), mastodon: z.string().default('') }).partial();
const replySchema = z.object({
  headline: z.string(),
  blurb: z.string(),
  captions: captionsSchema.optional(),
  x: z.string().optional(),
  linkedin: z.string().optional(),
  mastodon: z.string().optional(),
});

/** Finds the JSON object in a reply that may wrap it in prose or a code fence. */
export function parseCopyReply(content: string): Omit<CopyText, 'changelog'> {
  const unfenced = content.replace(/```(?:json)?/gi, '');
  const start = unfenced.indexOf('{');
  const end = unfenced.lastIndexOf('}');
  if (start < 0 || end <= start) throw new DeskmateError(ErrorCode.ParseFailed, 'The model did not reply with a JSON object.');
  let raw: unknown;
  try {
    raw = JSON.parse(unfenced.slice(start, end + 1));
  } catch (err) {
    throw new DeskmateError(ErrorCode.ParseFailed, 'The model replied with malformed JSON.', { cause: err });
  }
  const parsed = replySchema.safeParse(raw);
  if (!parsed.success) throw new DeskmateError(ErrorCode.ParseFailed, 'The model\'s JSON lacks a headline or blurb.');
  const r = parsed.data;
  return {
    headline: r.headline.trim(),
    blurb: r.blurb.trim(),
    captions: {
      x: (r.captions?.x ?? r.x ?? '').trim(),
      linkedin: (r.captions?.linkedin ?? r.linkedin ?? '').trim(),
      mastodon: (r.captions?.mastodon ?? r.mastodon ?? '').trim(),
    },
  };
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p === 'string' ? p : typeof p?.text === 'string' ? p.text : '')).join('');
  return '';
}

/** One generation. Throws DeskmateError LlmTimeout, LlmFailed or ParseFailed. */
export async function generateCopy(model: TaskModel, input: LlmPromptInput): Promise<Omit<CopyText, 'changelog'>> {
  const { system, user } = buildCopyPrompt(input);
  let content: string;
  const signal = AbortSignal.timeout(model.timeoutMs);
  try {
    const reply = await model.chat.invoke([new SystemMessage(system), new HumanMessage(user)], { signal });
    content = contentText(reply.content);
  } catch (err) {
    // An HTTP status means the server answered (and failed); otherwise our deadline or the client's timeout fired.
    const e = err as { status?: unknown; name?: string; message?: string };
    const timedOut = typeof e?.status !== 'number' && (signal.aborted || e?.name === 'TimeoutError' || /timed? ?out/i.test(e?.message ?? ''));
    throw new DeskmateError(timedOut ? ErrorCode.LlmTimeout : ErrorCode.LlmFailed, timedOut ? `The model did not answer within ${model.timeoutMs} ms.` : 'The model request failed.', { cause: err });
  }
  return parseCopyReply(content);
}
