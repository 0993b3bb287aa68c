/**
 * Threads of Slack's AI assistant pane ("Agents & AI apps"): each is a thread in the user's DM
 * with Deskmate. Known threads answer with a status line (assistant.threads.setStatus) instead
 * of a placeholder message, and remember the channel the user was viewing when they opened it.
 * In memory: after a restart an old thread still gets answers, through the placeholder path.
 */
export interface AssistantThread {
  /** The channel the user is viewing next to the pane (assistant_thread.context.channel_id). */
  contextChannel?: string;
  titled: boolean;
}

export class AssistantThreads {
  private readonly threads = new Map<string, AssistantThread>();

  private key(channel: string, threadTs: string): string {
    return `${channel}:${threadTs}`;
  }

  open(channel: string, threadTs: string, contextChannel?: string): void {
    const had = this.threads.get(this.key(channel, threadTs));
    this.threads.set(this.key(channel, threadTs), { contextChannel: contextChannel ?? had?.contextChannel, titled: had?.titled ?? false });
    // Bounded: the oldest threads are forgotten first.
    if (this.threads.size > 10_000) this.threads.delete(this.threads.keys().next().value!);
  }

  get(channel: string, threadTs: string | undefined): AssistantThread | undefined {
    return threadTs ? this.threads.get(this.key(channel, threadTs)) : undefined;
  }
}

const registry = new WeakMap<object, AssistantThreads>();

/** The assistant threads of one running app (keyed by its deps object). */
export function assistantThreadsFor(owner: object): AssistantThreads {
  let t = registry.get(owner);
  if (!t) registry.set(owner, (t = new AssistantThreads()));
  return t;
}

export const ASSISTANT_STATUS = 'Searching the docs…';
export const ASSISTANT_GREETING = "Hi! Ask me a what/how question about the team's docs or schema and I'll answer with the sources, step by step. Why-questions and judgement calls go to the right senior.";

/** A thread title from the first question: one line, at most 60 characters. */
export function threadTitle(question: string): string {
  const line = question.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59).trimEnd()}…` : line || 'Question for Deskmate';
}
