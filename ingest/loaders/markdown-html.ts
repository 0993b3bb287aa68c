/**
 * Raw HTML inside Markdown (anchors, tables, <br>, <details>) means nothing to a chat reader
 * and only dilutes search: tags go, their text stays, and an HTML table becomes text rows
 * ("| name | type |") like a Markdown table. Only elements of HTML are touched, so placeholders
 * written like tags in prose ("GET /users/<id>") survive, and code spans are left as written.
 */

const ELEMENTS = new Set(
  (
    'a abbr address article aside b bdi bdo big blockquote body br button caption center cite code col colgroup dd del details dfn div dl dt ' +
    'em figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label li link main mark meta nav ' +
    'noscript ol optgroup option p picture pre q s samp section select small source span strike strong sub summary sup svg table tbody td ' +
    'template tfoot th thead time tr tt u ul var video wbr'
  ).split(' '),
);

const TAG = /<\/?([A-Za-z][\w-]*)(?:\s[^<>]*)?\/?>/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…', rarr: '→', larr: '←', copy: '©' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Tags of HTML elements removed (an <img>'s alt text kept), line breaks where the element breaks lines. */
function stripTags(text: string): string {
  return text.replace(TAG, (m, name: string) => {
    const tag = name.toLowerCase();
    if (!ELEMENTS.has(tag)) return m;
    if (tag === 'img') return /\balt\s*=\s*"([^"]*)"/i.exec(m)?.[1] ?? '';
    if (tag === 'br' || tag === 'p' || tag === 'div' || tag === 'tr' || /^h\d$/.test(tag)) return '\n';
    if (tag === 'li' && !m.startsWith('</')) return '\n- ';
    return '';
  });
}

/** `<tr><td>a</td><td>b</td></tr>` → `| a | b |`, one row a line, cells on one line each. */
function tableRows(html: string): string {
  return html.replace(/<table\b[^>]*>([\s\S]*?)<\/table>/gi, (_m, body: string) => {
    const rows: string[] = [];
    for (const row of body.matchAll(/<tr\b[^>]*>([\s\S]*?)(?:<\/tr>|(?=<tr\b)|$)/gi)) {
      const cells = [...row[1]!.matchAll(/<t([dh])\b[^>]*>([\s\S]*?)(?:<\/t\1>|(?=<t[dh]\b)|$)/gi)].map((c) => stripTags(c[2]!).replace(/\s+/g, ' ').trim());
      if (cells.some(Boolean)) rows.push(`| ${cells.join(' | ')} |`);
    }
    return `\n${rows.join('\n')}\n`;
  });
}

/** HTML removed from Markdown prose, leaving code spans (`…`) exactly as written. */
export function stripHtml(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  return text
    .split(/(`+[^`\n]*`+)/)
    .map((part, i) => (i % 2 ? part : decodeEntities(stripTags(tableRows(part)))))
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * An element with nothing inside on a line of its own (`<a id="x"></a>`, `<span name="y"/>`)
 * is an anchor for links. CommonMark starts an HTML block there that swallows the heading on
 * the next line, so such lines are blanked before parsing (line numbers stay).
 */
export function blankAnchorLines(lines: string[]): string[] {
  let fence: string | undefined;
  return lines.map((l) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(l)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return l;
    }
    if (marker) {
      fence = marker;
      return l;
    }
    return /^\s{0,3}(?:<([A-Za-z][\w-]*)\b[^<>]*>\s*<\/\1\s*>|<[A-Za-z][\w-]*\b[^<>]*\/>)\s*$/.test(l) ? '' : l;
  });
}
