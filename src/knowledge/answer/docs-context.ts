import path from 'node:path';
import type { Config } from '../../config.js';
import { childLogger } from '../../log.js';
import type { DocsIndex } from '../../ports/docs-index.js';
import { readManifest } from '../index/index-store.js';
import { Asker } from './ask.js';

const log = childLogger('copy');

/** A docs section handed to another capability (release copy) as context. */
export interface DocSection {
  path: string;
  section: string;
  text: string;
}

const MIN_SCORE = 0.4;

/**
 * Docs sections about the changed features, from the process's docs index: the copy drafter uses
 * them to explain the user benefit and cites them. No index, no context: copy works without. The
 * index is the caller's (the app's one instance, reloaded after a reindex), never a private copy.
 */
export async function docsContextFor(index: DocsIndex | undefined, messages: string[]): Promise<DocSection[]> {
  if (!index) return [];
  try {
    const subjects = messages.map((m) => m.split('\n')[0]).join(' ').slice(0, 500);
    const hits = await index.search(subjects, 5);
    // Only sections the retriever is confident about: citing an unrelated doc is worse than none.
    return hits.filter((h) => h.score >= MIN_SCORE).map((h) => ({ path: h.chunk.path, section: h.chunk.section, text: h.chunk.text }));
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'docs context unavailable for copy');
    return [];
  }
}

/** For one-shot commands: the built index, or undefined (with a log line) when there is none or it cannot open. */
export async function openBuiltIndex(config: Config): Promise<DocsIndex | undefined> {
  const dir = path.resolve(config.index.dir);
  try {
    if (!readManifest(dir)) return undefined;
    return await Asker.open(config, dir);
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'docs index unavailable for copy');
    return undefined;
  }
}
