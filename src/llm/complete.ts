import type { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { DeskmateError, ErrorCode } from '../errors.js';
import type { TaskModel } from './models.js';

/** One completion as text, within the task's timeout (aborted past it); empty or failed replies are coded errors. */
export async function llmAnswer(model: TaskModel, messages: Array<SystemMessage | HumanMessage>): Promise<string> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new DeskmateError(ErrorCode.LlmTimeout, `The language model (${model.name}) did not answer within ${model.timeoutMs} ms.`));
    }, model.timeoutMs);
  });
  try {
    const reply = await Promise.race([model.chat.invoke(messages, { signal: controller.signal }), timeout]);
    const text = typeof reply.content === 'string' ? reply.content : reply.content.map((p) => ('text' in p ? p.text : '')).join('');
    if (!text.trim()) throw new DeskmateError(ErrorCode.LlmFailed, `The language model (${model.name}) returned an empty answer.`);
    return text.trim();
  } catch (err) {
    if (err instanceof DeskmateError) throw err;
    throw new DeskmateError(ErrorCode.LlmFailed, `The language model (${model.name}) failed: ${(err as Error).message?.slice(0, 200)}`, { cause: err });
  } finally {
    clearTimeout(timer);
  }
}
