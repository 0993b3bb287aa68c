import { isPlaceholder, looksRandom } from './lookalikes.js';
import type { Redaction } from './types.js';

/**
 * Secrets whose key says nothing but whose place in a structure does: every value of a Kubernetes
 * Secret's `data`/`stringData`, npm's `_auth`, and the `example`/`default` of a parameter or property
 * named for a credential (OpenAPI, JSON Schema). Line-oriented, so it also works on a chunk that
 * holds only part of a document.
 */

const DATA_BLOCK = /^([ \t]*)(data|stringData):[ \t]*$/gm;
const ENTRY = /^([ \t]+)["']?([\w.-]+)["']?:[ \t]*(?:\|[-+]?[ \t]*)?(.*)$/;

/** The YAML document around `at`: from the previous `---` (or start) to the next one. */
function documentAround(text: string, at: number): string {
  const before = text.lastIndexOf('\n---', at);
  const after = text.indexOf('\n---', at);
  return text.slice(before < 0 ? 0 : before, after < 0 ? text.length : after);
}

function kubernetesSecretValues(text: string, out: Redaction[]): void {
  if (!/\bkind:[ \t]*["']?Secret\b/.test(text)) return;
  DATA_BLOCK.lastIndex = 0;
  for (let m = DATA_BLOCK.exec(text); m; m = DATA_BLOCK.exec(text)) {
    if (!/\bkind:[ \t]*["']?Secret\b/.test(documentAround(text, m.index))) continue;
    const indent = m[1].length;
    let pos = m.index + m[0].length + 1;
    while (pos < text.length) {
      const end = text.indexOf('\n', pos) < 0 ? text.length : text.indexOf('\n', pos);
      const line = text.slice(pos, end);
      const e = ENTRY.exec(line);
      if (!e || e[1].length <= indent) {
        // A block scalar's continuation lines are deeper than the key; anything else ends the block.
        if (line.trim() === '' || (line.length - line.trimStart().length > indent + 2 && /^\s+\S/.test(line))) {
          if (line.trim() !== '') out.push({ type: 'k8s-secret', start: pos + line.length - line.trimStart().length, end: pos + line.trimEnd().length });
          pos = end + 1;
          continue;
        }
        break;
      }
      const raw = e[3].trimEnd();
      const value = raw.replace(/^(["'])(.*)\1$/, '$2');
      if (value.length >= 4 && !isPlaceholder(value)) {
        const start = pos + line.indexOf(value, e[1].length + e[2].length);
        out.push({ type: 'k8s-secret', start, end: start + value.length });
      }
      pos = end + 1;
    }
  }
}

/** `.npmrc`: `_auth` (base64 user:password) and `_authToken`, also scoped `//host/:_auth=…`. */
function npmrcValues(text: string, out: Redaction[]): void {
  if (!text.includes('_auth')) return;
  const re = /(?:^|[\s:])_auth(?:Token)?[ \t]*=[ \t]*["']?([^\s"']{4,})/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (isPlaceholder(m[1])) continue;
    const start = m.index + m[0].length - m[1].length;
    out.push({ type: 'npm-token', start, end: start + m[1].length });
  }
}

const SECRET_NAME = /(?:pass(?:word|wd|phrase)?|secret|token|api[_-]?key|access[_-]?key|auth(?:orization)?|credential|session|signature|private[_-]?key)/i;
const EXAMPLE_LINE = /^[ \t]*-?[ \t]*["']?(?:example|default|x-example|value)["']?[ \t]*:[ \t]*["']?([^\s"'#,}]{8,})["']?[ \t]*,?[ \t]*$/gm;
const NAME_LINE = /^[ \t]*-?[ \t]*["']?(?:name|title)["']?[ \t]*:[ \t]*["']?([\w.-]+)|^[ \t]*["']?([\w.-]+)["']?[ \t]*:[ \t]*(?:\{|$)/;

/**
 * An OpenAPI parameter `name: x-api-key` … `example: 3b9f…`: the example sits lines below the name
 * that makes it a credential. Look back a few lines, within the same or an enclosing indentation.
 */
function namedExamples(text: string, out: Redaction[]): void {
  if (!/example|default|value/.test(text)) return;
  EXAMPLE_LINE.lastIndex = 0;
  for (let m = EXAMPLE_LINE.exec(text); m; m = EXAMPLE_LINE.exec(text)) {
    const value = m[1];
    if (isPlaceholder(value) || !looksRandom(value)) continue;
    const lines = text.slice(Math.max(0, m.index - 600), m.index).split('\n').slice(-8, -1);
    const named = lines.some((l) => {
      const n = NAME_LINE.exec(l);
      return n !== null && SECRET_NAME.test(n[1] ?? n[2] ?? '');
    });
    if (!named) continue;
    const start = m.index + m[0].indexOf(value);
    out.push({ type: 'secret', start, end: start + value.length });
  }
}

/**
 * `.pgpass` lines (`host:port:database:user:password`, the port a number or `*`) and htpasswd
 * lines (`user:$apr1$…`, bcrypt `$2y$…`, `{SHA}…`): the last field is the credential.
 */
function colonFiles(text: string, out: Redaction[]): void {
  if (!text.includes(':')) return;
  const pgpass = /^[^:\s#]+:(?:\d{1,5}|\*):[^:\s]+:[^:\s]+:(\S{4,})$/gm;
  for (let m = pgpass.exec(text); m; m = pgpass.exec(text)) {
    if (isPlaceholder(m[1])) continue;
    out.push({ type: 'password', start: m.index + m[0].length - m[1].length, end: m.index + m[0].length });
  }
  if (!text.includes(':$') && !text.includes(':{SHA}')) return;
  const htpasswd = /^[\w.@-]{1,64}:((?:\$(?:apr1|2[abxy]?|1|5|6)\$|\{SHA\})[A-Za-z0-9./$=+]{8,})$/gm;
  for (let m = htpasswd.exec(text); m; m = htpasswd.exec(text)) {
    out.push({ type: 'password-hash', start: m.index + m[0].length - m[1].length, end: m.index + m[0].length });
  }
}

export function findStructuredSecrets(text: string): Redaction[] {
  const out: Redaction[] = [];
  colonFiles(text, out);
  kubernetesSecretValues(text, out);
  npmrcValues(text, out);
  namedExamples(text, out);
  return out;
}
