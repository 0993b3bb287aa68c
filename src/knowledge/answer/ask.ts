import path from 'node:path';
import type { Config } from '../../config.js';
import { isDeskmateError } from '../../errors.js';
import { childLogger } from '../../log.js';
import { createModelGateway, type ModelGateway } from '../../llm/gateway.js';
import { embeddingsFor } from '../../llm/models.js';
import type { Chunk } from '../../ports/chunk.js';
import type { DocsHit, DocsIndex, ImportUniverse, SchemaView } from '../../ports/docs-index.js';
import { codeView } from '../index/code-view.js';
import { extractAnswer } from './extractive-answer.js';
import { manifestStamp, openIndex, requireManifest } from '../index/index-store.js';
import { classifyIntent } from '../intent/intent.js';
import { detectSmallTalk } from '../../text/small-talk.js';
import { buildAnswerPrompt } from './llm-answer.js';
import { llmAnswer } from '../../llm/complete.js';
import { decisionCovering, NO_DECISION_RECORD, recordOf } from './decision-answer.js';
import { HybridRetriever, type Hit, type RetrievalMode } from '../retrieval/retriever.js';
import { confidenceOf } from '../retrieval/confidence.js';
import { isSchemaReviewQuestion } from '../../schema/schema-review.js';
import { answerSchemaReview } from './schema-review-answer.js';
import { sourceUrl } from './source-links.js';

const log = childLogger('ask');

interface AskSource {
  path: string;
  section: string;
  score: number;
  /** What the source is: 'markdown', 'openapi-operation', 'sql-table', …, 'decision' for a decision record. */
  kind?: string;
  /** Decision records: the record's date and status. */
  date?: string;
  status?: string;
  /** A link to the section when retrieval.sourceUrls has a template for its path. */
  url?: string;
}

function sourceOf(h: { chunk: Chunk; score: number }, urls: Config['retrieval']['sourceUrls']): AskSource {
  const record = recordOf(h.chunk);
  const url = sourceUrl(h.chunk, urls);
  return {
    path: h.chunk.path,
    section: h.chunk.section,
    score: Math.round(h.score * 1000) / 1000,
    kind: h.chunk.kind,
    ...(record?.date ? { date: record.date } : {}),
    ...(record ? { status: record.status } : {}),
    ...(url ? { url } : {}),
  };
}

export interface AskResult {
  question: string;
  /** 'chat': small talk (a greeting, thanks, an acknowledgement) got a short social reply; never escalated. */
  intent: 'answer' | 'escalate' | 'chat';
  escalate: boolean;
  reason: string;
  confidence: number;
  answer: string;
  sources: AskSource[];
  /** "extractive" offline, "small-talk" for a social reply, otherwise the model's name. */
  answeredBy: string;
  /** Set when the LLM failed and the offline answer stands in: why. */
  fallback?: string;
}

export interface AskOptions {
  /** Earlier turns of the thread or DM, oldest first, already sanitized by the caller. */
  context?: string[];
  style?: 'answer' | 'tutor';
  mode?: RetrievalMode;
  /** Who asked (Slack user id): the per-user LLM rate limit counts by it. */
  user?: string;
}

const MAX_QUESTION_CHARS = 4000;
/** An escalation carries the tentative answer only above this share of the answer threshold. */
const TENTATIVE_SHARE = 0.5;

export class Asker implements DocsIndex {
  private constructor(
    private readonly config: Config,
    private readonly indexDir: string,
    private retriever: HybridRetriever,
    private manifestStamp: string,
    /** Models per task within the budget (metered), or the offline decision; usage opens only when a model is used. */
    readonly models: ModelGateway,
  ) {}

  static async open(config: Config, indexDir = config.index.dir, models: ModelGateway = createModelGateway(config)): Promise<Asker> {
    const dir = path.resolve(indexDir);
    const retriever = await loadRetriever(config, dir);
    return new Asker(config, dir, retriever, manifestStamp(dir), models);
  }

  get chunkCount(): number {
    return this.retriever.chunkCount;
  }

  get retrieval(): HybridRetriever {
    return this.retriever;
  }

  /** Reloads when a new build has appeared on disk; true when it did. A broken new build keeps the old one. */
  async reloadIfChanged(): Promise<boolean> {
    const stamp = manifestStamp(this.indexDir);
    if (stamp === this.manifestStamp) return false;
    try {
      this.retriever = await loadRetriever(this.config, this.indexDir);
      this.manifestStamp = stamp;
      log.info({ dir: this.indexDir, chunks: this.retriever.chunkCount }, 'index reloaded');
      return true;
    } catch (err) {
      log.error({ err: (err as Error).message }, 'new index build is unusable; keeping the loaded one');
      return false;
    }
  }

  // DocsIndex: the same loaded index serves answers, copy's docs context, scaffold and schema review.
  async search(query: string, k: number): Promise<DocsHit[]> {
    return (await this.retriever.retrieve(query, k)).hits.map((h) => ({ chunk: h.chunk, score: h.score }));
  }

  async codeExemplars(query: string, k: number): Promise<Chunk[]> {
    return codeView(this.retriever.chunks).exemplars(query, k);
  }

  async importUniverse(): Promise<ImportUniverse> {
    return codeView(this.retriever.chunks).universe;
  }

  async schema(): Promise<SchemaView> {
    return { tables: this.retriever.graph.tables, chunks: this.retriever.chunks.filter((c) => c.kind === 'sql-table') };
  }

  async ask(rawQuestion: string, options: AskOptions = {}): Promise<AskResult> {
    const question = rawQuestion.trim().slice(0, MAX_QUESTION_CHARS);
    const chat = detectSmallTalk(question);
    if (chat) return { question, intent: 'chat', escalate: false, reason: `small talk (${chat.act})`, confidence: 1, answer: chat.reply, sources: [], answeredBy: 'small-talk' };
    const intent = classifyIntent(question);
    // Schema-wide questions (migration order, FK cycles, missing keys/indexes) get the computed review, not retrieval.
    if (isSchemaReviewQuestion(question) && this.retriever.graph.tables.length) {
      const gate = await this.models.forTask('review', options.user);
      const r = await answerSchemaReview(question, this.retriever.graph.tables, this.retriever.chunks, gate.model);
      const fallback = gate.blocked?.fallback ?? r.fallback;
      const answer = gate.blocked ? `${r.answer}\n\n_(${gate.blocked.message})_` : r.answer;
      return { question, intent: 'answer', escalate: false, reason: `schema review of ${r.review.tableCount} tables`, confidence: 1, answer, sources: r.sources, answeredBy: r.answeredBy, ...(fallback ? { fallback } : {}) };
    }
    // Follow-ups ("and how do I undo it?") are retrieved with the thread's last turn for context.
    const lastTurn = contextTurn(options.context ?? []);
    // A question that stands on its own ("What is the rate limit?") keeps its own retrieval; the
    // thread's turn is used only when it makes the docs answer more clearly.
    let retrieval = await this.retriever.retrieve(question, 5, options.mode);
    let confidence = confidenceOf(retrieval.hits);
    if (lastTurn && question.length < 80) {
      const withContext = await this.retriever.retrieve(`${question} ${lastTurn}`, 5, options.mode);
      const c = confidenceOf(withContext.hits);
      if (c > confidence) [retrieval, confidence] = [withContext, c];
    }
    const sources = retrieval.hits.map((h) => sourceOf(h, this.config.retrieval.sourceUrls));
    // A why-question about a team choice the team wrote down is answered from that decision record.
    // (A "why is X …" the rules read as documented behaviour counts too when its best source is a record.)
    if (intent.intent === 'escalate' || retrieval.hits[0]?.chunk.kind === 'decision') {
      const decided = decisionCovering(retrieval.hits, () => this.retriever.chunks);
      if (decided) {
        const first = sourceOf({ chunk: decided.chunk, score: Math.max(...retrieval.hits.filter((h) => h.chunk.kind === 'decision').map((h) => h.score)) }, this.config.retrieval.sourceUrls);
        const rest = sources.filter((s) => s.path !== first.path);
        return { question, intent: 'answer', escalate: false, reason: `decided in ${decided.record.id}`, confidence: first.score, answer: decided.answer, sources: [first, ...rest], answeredBy: 'decision-record' };
      }
    }
    const lowConfidence = confidence < this.config.retrieval.minConfidence;
    const escalate = intent.intent === 'escalate' || lowConfidence;
    const reason =
      intent.intent === 'escalate'
        ? `${intent.reason}: a senior should answer (${NO_DECISION_RECORD})`
        : lowConfidence
          ? `low confidence (${confidence.toFixed(2)}): the docs do not clearly answer this`
          : `documented: ${sources[0].path}#${sources[0].section}`;

    const offline = extractAnswer(question, retrieval, this.retriever.graph, (t) => this.retriever.lexical.idf(t));
    let answer = offline.text;
    let answeredBy = 'extractive';
    let fallback: string | undefined;
    const gate = retrieval.hits.length && !escalate ? await this.models.forTask(options.style === 'tutor' ? 'tutor' : 'answer', options.user) : { model: null };
    const model = gate.model;
    if (gate.blocked) {
      fallback = gate.blocked.fallback;
      answer = `${offline.text}\n\n_(${gate.blocked.message})_`;
    }
    if (model) {
      try {
        answer = await llmAnswer(model, buildAnswerPrompt(question, retrieval.hits, options.style ?? 'answer', options.context));
        answeredBy = model.name;
      } catch (err) {
        fallback = isDeskmateError(err) ? err.userMessage : 'the language model failed';
        log.warn({ code: isDeskmateError(err) ? err.code : 'unknown', model: model.name }, 'LLM answer failed; using the offline answer');
        answer = `${offline.text}\n\n_(${fallback} This is the offline answer from the docs.)_`;
      }
    }
    if (escalate && retrieval.hits.length) {
      // A tentative answer the model itself thinks is probably unrelated would only mislead the senior.
      answer =
        confidence >= this.config.retrieval.minConfidence * TENTATIVE_SHARE
          ? `Tentative answer from the docs (unverified, for the senior):\n${answer}`
          : 'No tentative answer: the closest doc sections do not look related to this question (listed below as sources).';
    }
    if (!retrieval.hits.length) answer = 'I found nothing in the docs about this.';
    if (options.style === 'tutor' && answeredBy === 'extractive' && !escalate) answer = tutorWrap(answer, retrieval.hits);
    return { question, intent: escalate ? 'escalate' : 'answer', escalate, reason, confidence, answer, sources, answeredBy, ...(fallback ? { fallback } : {}) };
  }
}

/**
 * The turn a follow-up is retrieved with: the asker's last turn that says something (small talk
 * such as "ok got it" is no context), else the last turn that does. Adapters prefix turns with
 * "User:" / "Deskmate:".
 */
function contextTurn(context: string[]): string {
  const meaningful = [...context].reverse().filter((t) => !detectSmallTalk(t.replace(/^(?:User|Deskmate):\s*/, '')));
  return (meaningful.find((t) => !t.startsWith('Deskmate:')) ?? meaningful[0] ?? '').slice(0, 500);
}

/** Offline tutoring: the same facts, framed as steps, ending with one next question. */
function tutorWrap(answer: string, hits: Hit[]): string {
  const next = hits.find((h, i) => i > 0 && h.chunk.section !== hits[0].chunk.section);
  const steps = [`1. Read the section below; it is where the docs answer this.`, answer, `2. Check the cited section (${hits[0].chunk.path}#${hits[0].chunk.section}) for the full details and examples.`];
  if (next) steps.push(`Next question you might ask: "What about ${next.chunk.section.split(' > ').pop()}?"`);
  return steps.join('\n');
}

async function loadRetriever(config: Config, dir: string): Promise<HybridRetriever> {
  const manifest = requireManifest(dir);
  const embeddings = embeddingsFor(manifest.embedder, config);
  const loaded = await openIndex(dir, embeddings);
  return new HybridRetriever(loaded, embeddings);
}
