/**
 * Citations as links: a per-source URL template from config (retrieval.sourceUrls) turns a stored
 * path and heading into the page a reader can open, e.g. a repository's blob URL with the
 * heading anchor. Templates use {path}, {anchor} and {line}; the longest matching prefix wins.
 */
export interface SourceRef {
  path: string;
  section: string;
  line?: number;
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export function sourceUrl(ref: SourceRef, templates: Record<string, string>): string | undefined {
  const prefix = Object.keys(templates)
    .filter((p) => ref.path.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return undefined;
  const heading = ref.section.split(' > ').pop() ?? '';
  // Operation and table "sections" ("GET /users", "table film") are not headings of the file.
  const anchor = /^(?:[A-Z]+ \/|table |schema |page |rows )/.test(heading) ? '' : headingAnchor(heading);
  const rest = ref.path.slice(prefix.length);
  return templates[prefix]!
    .replace(/\{path\}/g, rest.split('/').map(encodeURIComponent).join('/'))
    .replace(/\{anchor\}/g, encodeURIComponent(anchor).replace(/%2D/g, '-'))
    .replace(/\{line\}/g, ref.line ? String(ref.line) : '')
    .replace(/#(?:L)?$/, '');
}
