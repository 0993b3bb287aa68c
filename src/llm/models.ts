import { OpenAIEmbeddings } from '@langchain/openai';
import type { Callbacks } from '@langchain/core/callbacks/manager';
import { initChatModel } from 'langchain';
import type { Embeddings } from '@langchain/core/embeddings';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { type Config, type LlmTask, llmConfigured } from '../config.js';
import { DeskmateError, ErrorCode } from '../errors.js';
import { LOCAL_EMBEDDER_DIMENSIONS, LOCAL_EMBEDDER_NAME, LocalHashEmbeddings } from './local-embeddings.js';

export interface TaskModel {
  chat: BaseChatModel;
  /** Shown in reply footers ("answered by gpt-4o-mini"). */
  name: string;
  timeoutMs: number;
}

/** The model a task uses (what usage is recorded and priced under). */
export function modelNameFor(config: Pick<Config, 'models' | 'openai'>, task: LlmTask): string {
  return config.models[task]?.model ?? config.openai.defaultModel;
}

/**
 * The chat model for a task, or null when no LLM is configured (callers take the offline path).
 * langchain's provider-agnostic factory builds it, so a task can name another provider's model
 * without this code changing; every OpenAI-compatible server (Ollama, vLLM, llama.cpp) works as "openai".
 */
export async function chatModelFor(config: Config, task: LlmTask, callbacks?: Callbacks): Promise<TaskModel | null> {
  const override = config.models[task];
  if (!llmConfigured(config) && !override?.baseUrl) return null;
  const name = modelNameFor(config, task);
  const timeoutMs = override?.timeoutMs ?? config.openai.timeoutMs;
  const chat = await initChatModel(name, {
    modelProvider: 'openai',
    // OpenAI-compatible servers accept any key; the client insists on one.
    apiKey: config.openai.apiKey ?? 'not-needed',
    configuration: { baseURL: override?.baseUrl ?? config.openai.baseUrl },
    maxRetries: 1,
    timeout: timeoutMs,
    temperature: 0.2,
    ...(callbacks ? { callbacks } : {}),
  });
  return { chat: chat as unknown as BaseChatModel, name, timeoutMs };
}

export interface EmbedderSpec {
  /** Recorded in the index manifest: "local-hash-v1" or "openai:text-embedding-3-small". */
  name: string;
  dimensions: number;
}

export function embedderSpecFor(provider: 'local' | 'openai', config: Config): EmbedderSpec {
  if (provider === 'local') return { name: LOCAL_EMBEDDER_NAME, dimensions: LOCAL_EMBEDDER_DIMENSIONS };
  return { name: `openai:${config.embedder.model}`, dimensions: 0 };
}

/** Builds the embedder a manifest names, so queries always use the embedder the index was built with. */
export function embeddingsFor(spec: EmbedderSpec, config: Config): Embeddings {
  if (spec.name === LOCAL_EMBEDDER_NAME) return new LocalHashEmbeddings({ dimensions: spec.dimensions });
  if (spec.name.startsWith('openai:')) {
    if (!llmConfigured(config)) {
      throw new DeskmateError(ErrorCode.EmbedderMismatch, `This index was built with ${spec.name}, which needs OPENAI_API_KEY or OPENAI_BASE_URL. Set one, or rebuild the index offline with \`deskmate ingest --embedder local\`.`);
    }
    return new OpenAIEmbeddings({
      model: spec.name.slice('openai:'.length),
      apiKey: config.openai.apiKey ?? 'not-needed',
      configuration: { baseURL: config.openai.baseUrl },
      maxRetries: 1,
      timeout: config.openai.timeoutMs,
    });
  }
  throw new DeskmateError(ErrorCode.EmbedderMismatch, `This index was built with an embedder Deskmate does not know (${spec.name}). Rebuild it with \`deskmate ingest\`.`);
}
