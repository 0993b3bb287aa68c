import path from 'node:path';
import type { Chunk, DecisionRecordMeta } from '../../ports/chunk.js';
import type { Hit } from '../retrieval/retriever.js';

/**
 * Why-questions about the team's own choices, answered from the decision record that covers them.
 * A record covers a question when it is among the best hits with a score a confident answer would
 * need; a proposed or rejected record is not a decision, and a superseded one points at its successor.
 */

/** The coverage a decision hit needs before its record answers a why-question instead of a senior. */
const DECISION_MIN_SCORE = 0.45;
/** Decision hits further down than this are about something else. */
const DECISION_MAX_RANK = 3;
const ANSWERING: ReadonlySet<DecisionRecordMeta['status']> = new Set(['accepted', 'superseded', 'deprecated', 'unknown']);

export interface DecisionAnswer {
  answer: string;
  /** The record the answer comes from (the successor when the matched one was superseded). */
  chunk: Chunk;
  record: DecisionRecordMeta;
  /** The matched record, when it was superseded by `record`. */
  superseded?: DecisionRecordMeta;
}

export function recordOf(chunk: Chunk): DecisionRecordMeta | undefined {
  const r = chunk.meta?.record as DecisionRecordMeta | undefined;
  return chunk.kind === 'decision' && r && typeof r.title === 'string' ? r : undefined;
}

/** The successor a "superseded by" link names, resolved against the record's own folder. */
function successorChunk(chunk: Chunk, record: DecisionRecordMeta, allChunks: () => Chunk[]): Chunk | undefined {
  if (!record.supersededBy) return undefined;
  const chunks = allChunks();
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(chunk.path), record.supersededBy.split('#')[0]));
  const byPath = chunks.find((c) => c.kind === 'decision' && (c.path === target || c.path === `${target}.md`));
  if (byPath) return byPath;
  const wanted = (record.supersededByTitle ?? record.supersededBy).toLowerCase();
  return chunks.find((c) => c.kind === 'decision' && (recordOf(c)?.id.toLowerCase() === wanted || c.path.toLowerCase().includes(wanted)));
}

function bodyPart(text: string, label: string): string | undefined {
  const m = new RegExp(`(?:^|\\n\\n)${label}: ([\\s\\S]*?)(?=\\n\\n[A-Z][a-z]+: |$)`).exec(text);
  return m?.[1].trim();
}

function firstSentences(text: string, max = 420): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'));
  return end > 80 ? cut.slice(0, end + 1) : `${cut.trimEnd()}…`;
}

function label(record: DecisionRecordMeta): string {
  const name = record.id === record.title ? `“${record.title}”` : `${record.id} (${record.title})`;
  const state = record.status === 'unknown' ? '' : `, ${record.status}${record.date ? ` ${record.date}` : ''}`;
  return `${name}${state}`;
}

/** The decision record that answers a why-question, or undefined when none covers it (all chunks are read only to follow a successor). */
export function decisionCovering(hits: Hit[], allChunks: () => Chunk[], minScore = DECISION_MIN_SCORE): DecisionAnswer | undefined {
  const hit = hits.slice(0, DECISION_MAX_RANK).find((h) => h.chunk.kind === 'decision' && h.score >= minScore);
  const matched = hit && recordOf(hit.chunk);
  if (!hit || !matched || !ANSWERING.has(matched.status)) return undefined;
  let chunk = hit.chunk;
  let record = matched;
  let superseded: DecisionRecordMeta | undefined;
  for (let hops = 0; record.status === 'superseded' && hops < 5; hops++) {
    const next = successorChunk(chunk, record, allChunks);
    const nextRecord = next && recordOf(next);
    if (!next || !nextRecord) break;
    superseded ??= matched;
    chunk = next;
    record = nextRecord;
  }
  const decision = bodyPart(chunk.text, 'Decision') ?? chunk.text;
  const context = bodyPart(chunk.text, 'Context');
  const lines = [
    superseded ? `Decided in ${label(record)}, which superseded ${label(superseded)}:` : `Decided in ${label(record)}:`,
    firstSentences(decision),
  ];
  if (context) lines.push(`Why: ${firstSentences(context, 300)}`);
  if (record.status === 'superseded' && !superseded) lines.push(`This record is marked superseded${record.supersededByTitle ? ` by ${record.supersededByTitle}` : ''}; check the newer decision.`);
  if (record.status === 'deprecated') lines.push('This decision is marked deprecated; ask a senior whether it still holds.');
  return { answer: lines.join('\n'), chunk, record, ...(superseded ? { superseded } : {}) };
}

/** Added to an escalation's reason when the question is about a team choice no record covers. */
export const NO_DECISION_RECORD = 'no decision record covers this: consider writing one';
