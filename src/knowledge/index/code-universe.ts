import type { Chunk } from '../../ports/chunk.js';
import type { ImportUniverse } from '../../ports/docs-index.js';

/** Declared packages (a manifest's `dependencies` chunk) and indexed code paths, read from the chunks. */
export function importUniverseOf(chunks: Chunk[]): ImportUniverse {
  const declared = new Set<string>();
  const knownModules = new Set<string>();
  for (const c of chunks) {
    if (c.kind !== 'code') continue;
    const deps = c.meta?.dependencies;
    if (c.section === 'dependencies' && Array.isArray(deps)) for (const d of deps) declared.add(String(d));
    else knownModules.add(c.path);
  }
  return { declared, knownModules };
}
