/**
 * Clean-up of the static-site syntax that documentation repositories carry (Hugo, Jekyll,
 * MDX): it means nothing to a reader of a chat answer and only dilutes search.
 */

/** `{{< required >}}` marks a required parameter; keep that meaning as a word. */
const REQUIRED_SHORTCODE = /\{\{[<%]\s*required\s*[>%]\}\}/gi;
const ANY_SHORTCODE = /\{\{[<%][\s\S]*?[>%]\}\}/g;
/** Links whose target was a shortcode end up as `[text]()`: keep the text. */
const EMPTY_LINK = /\[([^\]]*)\]\(\s*\)/g;
const HEADING_ANCHOR = /\s*\{#[^}]*\}\s*$/;

export function cleanMarkdownText(text: string): string {
  return text
    .replace(/<style[\s\S]*?<\/style>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(REQUIRED_SHORTCODE, '(required)')
    .replace(ANY_SHORTCODE, '')
    .replace(EMPTY_LINK, '$1')
    .replace(/^(\s{0,3}#{1,6}\s.*?)\s*\{#[^}]*\}[ \t]*$/gm, '$1');
}

export function cleanHeading(title: string): string {
  return cleanMarkdownText(title)
    .replace(HEADING_ANCHOR, '')
    .replace(/\s#+\s*$/, '') // closing hashes of an ATX heading
    .trim();
}

const METHODS = 'GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS';
const ENDPOINT = new RegExp(`\\b(${METHODS})\\s+(/[^\\s\`"'<>)\\]]*)`, 'g');

/** Every "METHOD /path" in a text, in order of first appearance, without duplicates. */
export function findEndpoints(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(ENDPOINT)) found.add(`${m[1]} ${m[2]}`);
  return [...found];
}
