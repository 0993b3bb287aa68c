import path from 'node:path';
import type { Config } from '../../config.js';
import { Asker } from './ask.js';
import { readManifest } from '../index/index-store.js';
import { childLogger } from '../../log.js';

const log = childLogger('copy');

/** A docs section handed to another capability (release copy) as context. */
export interface DocSection {
  path: string;
  section: string;
  text: string;
}

/**
 * Docs sections about the changed features, from the docs index when one exists: the copy drafter
 * uses them to explain the user benefit and cites them. No index, no context: copy works without.
 */
const opened = new Map<string, Promise<Asker>>();
const MIN_SCORE = 0.4;

export async function docsContextFor(config: Config, messages: string[]): Promise<DocSection[]> {
  const dir = path.resolve(config.index.dir);
  try {
    if (!readManifest(dir)) return [];
    // --jsonl drafts many messages: load the index once.
    if (!opened.has(dir)) opened.set(dir, Asker.open(config, dir));
    const asker = await opened.get(dir)!;
    const subjects = messages.map((m) => m.split('\n')[0]).join(' ').slice(0, 500);
    const { hits } = await asker.retrieval.retrieve(subjects, 5);
    // Only sections the retriever is confident about: citing an unrelated doc is worse than none.
    return hits.filter((h) => h.score >= MIN_SCORE).map((h) => ({ path: h.chunk.path, section: h.chunk.section, text: h.chunk.text }));
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'docs context unavailable for copy');
    return [];
  }
}
