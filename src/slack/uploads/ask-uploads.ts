import type { Chunk, ChunkDraft } from '../../ports/chunk.js';
import type { AskResult } from '../../knowledge/answer/ask.js';
import { answerSchemaReview } from '../../knowledge/answer/schema-review-answer.js';
import { isSchemaReviewQuestion } from '../../schema/schema-review.js';
import { terms } from '../../text/tokenize.js';
import type { StoredQuestion } from '../../store/types.js';
import type { SlackDeps } from '../deps.js';
import { uploadsFor, type DmUpload } from './dm-uploads.js';

const MATCHES = 3;
const EXCERPT_CHARS = 600;

interface UploadMatch {
  upload: DmUpload;
  chunk: ChunkDraft;
  score: number;
}

/** The uploaded chunks sharing the most (stemmed, non-stopword) terms with the question; none share nothing. */
function matchUploads(question: string, uploads: DmUpload[], limit = MATCHES): UploadMatch[] {
  const q = new Set(terms(question));
  if (!q.size) return [];
  const scored: UploadMatch[] = [];
  for (const upload of uploads) {
    for (const chunk of upload.chunks) {
      const t = new Set(terms(`${chunk.section} ${chunk.text}`));
      let shared = 0;
      for (const term of q) if (t.has(term)) shared++;
      if (shared) scored.push({ upload, chunk, score: shared / q.size });
    }
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, limit);
}

function asChunks(upload: DmUpload): Chunk[] {
  return upload.chunks.map((c, i) => ({ ...c, id: `upload:${upload.name}#${i}`, path: `upload:${upload.name}` }));
}

/**
 * A DM question in a conversation with uploaded files: a schema question over uploaded SQL gets the
 * computed review of those tables; any other question is asked with the best-matching uploaded
 * passages as context (and quoted first, so the offline answer uses them too). Undefined without uploads.
 */
export async function askUploads(deps: SlackDeps, q: StoredQuestion, context: string[]): Promise<AskResult | undefined> {
  const uploads = uploadsFor(deps).forChannel(q.channel);
  if (!uploads.length) return undefined;
  const tables = uploads.flatMap((u) => u.tables);
  if (tables.length && isSchemaReviewQuestion(q.text)) {
    const gate = await deps.models.forTask('review', q.user);
    const r = await answerSchemaReview(q.text, tables, uploads.flatMap(asChunks), gate.model);
    const names = uploads.filter((u) => u.tables.length).map((u) => u.name);
    return {
      question: q.text, intent: 'answer', escalate: false, reason: `schema review of ${r.review.tableCount} uploaded tables (${names.join(', ')})`,
      confidence: 1, answer: gate.blocked ? `${r.answer}\n\n_(${gate.blocked.message})_` : r.answer, sources: r.sources, answeredBy: r.answeredBy,
      ...((gate.blocked?.fallback ?? r.fallback) ? { fallback: gate.blocked?.fallback ?? r.fallback } : {}),
    };
  }
  const matches = matchUploads(q.text, uploads);
  if (!matches.length) return undefined;
  // Upload passages go before the conversation, so the last turn stays the thread's own (retrieval uses it).
  const passages = matches.map((m) => `Uploaded file ${m.upload.name} (${m.chunk.section}):\n${m.chunk.text.slice(0, EXCERPT_CHARS * 2)}`);
  const asked = await deps.asker.ask(q.text, { context: [...passages, ...context], style: 'tutor', user: q.user });
  const best = matches[0];
  const quoted = `From your file *${best.upload.name}* (${best.chunk.section}):\n> ${best.chunk.text.slice(0, EXCERPT_CHARS).replace(/\n/g, '\n> ')}`;
  return {
    ...asked,
    answer: asked.answeredBy === 'extractive' ? `${quoted}\n\n${asked.answer}` : asked.answer,
    sources: [{ path: `upload:${best.upload.name}`, section: best.chunk.section, score: Math.round(best.score * 1000) / 1000 }, ...asked.sources],
  };
}
