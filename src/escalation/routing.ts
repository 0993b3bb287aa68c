/**
 * Who gets an escalated question: the first configured topic whose keywords appear in the question
 * (word-boundary match, case-insensitive), else the default senior pool. Within a pool, seniors take
 * turns (round-robin by a persisted cursor) so one person is not interrupted every time.
 */

export interface TopicRoute {
  name: string;
  keywords: string[];
  seniors: string[];
}

const DEFAULT_TOPIC = 'default';

export interface RouteDecision {
  topic: string;
  pool: string[];
}

function keywordPattern(keyword: string): RegExp {
  const escaped = keyword.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}(?:s|es)?(?=$|[^\\p{L}\\p{N}])`, 'iu');
}

/** The topic for a question: most keyword hits wins, config order breaks ties; empty pools are skipped. */
export function routeTopic(question: string, topics: TopicRoute[], defaultPool: string[]): RouteDecision {
  let best: { topic: TopicRoute; hits: number } | undefined;
  for (const topic of topics) {
    if (!topic.seniors.length) continue;
    const hits = topic.keywords.filter((k) => k.trim() && keywordPattern(k).test(question)).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { topic, hits };
  }
  if (best) return { topic: best.topic.name, pool: best.topic.seniors };
  return { topic: DEFAULT_TOPIC, pool: defaultPool };
}

/** The senior at this cursor position; undefined for an empty pool. Skips `exclude` (e.g. the asker) when someone else is left. */
export function pickRoundRobin(pool: string[], cursor: number, exclude: string[] = []): string | undefined {
  const candidates = pool.filter((s) => !exclude.includes(s));
  const from = candidates.length ? candidates : pool;
  if (!from.length) return undefined;
  return from[((cursor % from.length) + from.length) % from.length];
}

/** Every senior named anywhere: the default pool plus every topic's seniors. */
export function allSeniors(defaultPool: string[], topics: TopicRoute[]): Set<string> {
  return new Set([...defaultPool, ...topics.flatMap((t) => t.seniors)]);
}

/** How to tag a senior in Slack text: user ids as <@U…>, user-group ids (S…) as <!subteam^S…>. */
export function mentionOf(id: string): string {
  return /^S[A-Z0-9]+$/.test(id) ? `<!subteam^${id}>` : `<@${id}>`;
}

/** User groups cannot be DMed; only individual users get a direct message. */
export function isUserGroup(id: string): boolean {
  return /^S[A-Z0-9]+$/.test(id);
}
