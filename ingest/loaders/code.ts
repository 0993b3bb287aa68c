import type { ChunkDraft, LoadedSource } from '../../src/ports/chunk.js';
import { decodeText, parseFailed } from './parse-failed.js';
import { topLevelLines } from './code-scan-js.js';
import { pythonImportSpecifiers, pythonTopLevelStarts } from './code-scan-py.js';

export { loadDependencies,  } from './code-deps.js';

/**
 * Source code → one chunk per top-level symbol (function, class, interface, type, const…),
 * each with its file's import lines in front, so a chunk read alone still says where its
 * names come from. Exemplars for /scaffold and the import check both read these chunks.
 */
export const CODE_EXTENSIONS: Record<string, 'typescript' | 'javascript' | 'python'> = {
  '.ts': 'typescript',
  '.tsx': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.js': 'javascript',
  '.jsx': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.py': 'python',
};

export const MAX_CODE_BYTES = 1_000_000;
/** A class of thousands of lines is cut: its head (signature, fields, first methods) is what an exemplar needs. */
const MAX_CHUNK_CHARS = 6000;

interface Segment {
  start: number;
  end: number; // exclusive
  kind: 'import' | 'symbol' | 'other';
  section?: string;
  symbol?: string;
}

const JS_SYMBOL: Array<[RegExp, string]> = [
  [/^(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:async\s+)?function\s*\*?\s*([\w$]+)/, 'function'],
  [/^(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?class\s+([\w$]+)/, 'class'],
  [/^(?:export\s+)?(?:declare\s+)?interface\s+([\w$]+)/, 'interface'],
  [/^(?:export\s+)?(?:declare\s+)?type\s+([\w$]+)\s*(?:<[^=]*>)?\s*=/, 'type'],
  [/^(?:export\s+)?(?:declare\s+)?(?:const\s+)?enum\s+([\w$]+)/, 'enum'],
  [/^(?:export\s+)?(?:declare\s+)?(?:namespace|module)\s+([\w$.]+)/, 'namespace'],
  [/^(?:export\s+)?(?:declare\s+)?(?:const|let|var)\s+([\w$]+)/, 'const'],
  [/^(?:export\s+)?(?:declare\s+)?(?:const|let|var)\s+[{[]\s*([\w$]+)/, 'const'],
  [/^(module\.exports)\b/, 'export'],
  [/^exports\.([\w$]+)\s*=/, 'export'],
  [/^export\s+default\b()/, 'export default'],
];
const JS_IMPORT = /^(?:import\b(?!\s*\()|export\s+(?:\*|\{[^}]*\}|type\s+\{[^}]*\})\s*from\b|(?:const|let|var)\s+[\w${},:\s]+=\s*require\s*\(\s*['"][^'"]+['"]\s*\)\s*;?\s*$)/;
/** Lines that continue the statement above even though they start at column 0. */
const CONTINUATION = /^[})\].,?:|&+\-*/=<>]|^(?:as|from|satisfies|extends|implements)\b/;

function jsSegments(lines: string[], source: string): Segment[] {
  const starts = topLevelLines(source)
    // Comments and decorators are not statements: they join the statement below them.
    .filter((l) => /^\S/.test(l.text) && !/^(\/\/|\/\*|\*|@)/.test(l.text.trim()) && !CONTINUATION.test(l.text))
    .map((l) => l.index);
  return segmentsFrom(starts, lines, (first, text) => {
    if (JS_IMPORT.test(first) || /^import\s+['"]/.test(first)) return { kind: 'import' };
    if (/^export\s+(?:type\s+)?\{/.test(first) && !/\bfrom\b/.test(text)) return { kind: 'other' };
    for (const [re, word] of JS_SYMBOL) {
      const m = re.exec(first);
      if (m) return { kind: 'symbol', symbol: m[1] || 'default', section: m[1] === 'module.exports' ? m[1] : m[1] ? `${word} ${m[1]}` : word };
    }
    return { kind: 'other' };
  });
}

function pySegments(lines: string[], source: string): Segment[] {
  const flags = pythonTopLevelStarts(source);
  const starts = flags.map((f, i) => (f ? i : -1)).filter((i) => i >= 0);
  // Decorators belong to the def/class below them: drop them as starts.
  const merged = starts.filter((i) => !/^@/.test(lines[i]));
  return segmentsFrom(merged, lines, (first) => {
    if (/^(?:import|from)\s/.test(first)) return { kind: 'import' };
    const def = /^(?:async\s+)?def\s+(\w+)/.exec(first);
    if (def) return { kind: 'symbol', symbol: def[1], section: `def ${def[1]}` };
    const cls = /^class\s+(\w+)/.exec(first);
    if (cls) return { kind: 'symbol', symbol: cls[1], section: `class ${cls[1]}` };
    return { kind: 'other' };
  });
}

/** Cuts at statement starts; comments, JSDoc and decorators right above a statement go with it. */
function segmentsFrom(starts: number[], lines: string[], classify: (first: string, text: string) => Omit<Segment, 'start' | 'end'>): Segment[] {
  const adjusted = starts.map((s, k) => {
    let start = s;
    const floor = k > 0 ? starts[k - 1] + 1 : 0;
    while (start - 1 >= floor && /^\s*(\/\/|\/\*|\*|#|@)/.test(lines[start - 1]) && lines[start - 1].trim()) start--;
    return { s, start };
  });
  return adjusted.map(({ s, start }, k) => {
    const end = k + 1 < adjusted.length ? adjusted[k + 1].start : lines.length;
    return { start, end, ...classify(lines[s].trim(), lines.slice(s, end).join('\n')) };
  });
}

const SPEC = /\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;

export function jsImportSpecifiers(statement: string): string[] {
  return [...statement.matchAll(SPEC)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function trimBlock(lines: string[]): string {
  return lines.join('\n').replace(/^\s*\n/, '').trimEnd();
}

export async function loadCode(content: Buffer, relPath: string): Promise<LoadedSource> {
  if (content.length > MAX_CODE_BYTES) throw parseFailed(relPath, `larger than ${MAX_CODE_BYTES / 1_000_000} MB; generated or bundled code is not indexed`);
  const ext = /\.[^./]+$/.exec(relPath)?.[0].toLowerCase() ?? '';
  const language = CODE_EXTENSIONS[ext];
  if (!language) throw parseFailed(relPath, `not a source file Deskmate reads (${ext || 'no extension'})`);
  const source = decodeText(content, relPath).replace(/\r\n?/g, '\n');
  const lines = source.split('\n');
  const segments = language === 'python' ? pySegments(lines, source) : jsSegments(lines, source);

  const importLines: string[] = [];
  const imports: string[] = [];
  for (const seg of segments.filter((s) => s.kind === 'import')) {
    const text = trimBlock(lines.slice(seg.start, seg.end));
    importLines.push(text);
    for (const spec of language === 'python' ? pythonImportSpecifiers(text) : jsImportSpecifiers(text)) if (!imports.includes(spec)) imports.push(spec);
  }
  // Re-exports (`export * from './x'`) are symbols of this module and imports at once.
  for (const seg of segments.filter((s) => s.kind === 'symbol' && language !== 'python')) {
    for (const spec of jsImportSpecifiers(lines[seg.start] ?? '')) if (!imports.includes(spec)) imports.push(spec);
  }

  const header = importLines.length ? `${importLines.join('\n')}\n\n` : '';
  const chunks: ChunkDraft[] = [];
  let current: { seg: Segment; body: string[] } | null = null;
  const flush = () => {
    if (!current) return;
    let body = trimBlock(current.body);
    if (body.length > MAX_CHUNK_CHARS) body = `${body.slice(0, MAX_CHUNK_CHARS)}\n… (truncated)`;
    if (body.trim()) {
      chunks.push({
        kind: 'code',
        section: current.seg.section ?? 'module',
        text: `${header}${body}`,
        line: current.seg.start + 1,
        meta: { language, symbol: current.seg.symbol ?? null, imports },
      });
    }
    current = null;
  };
  for (const seg of segments) {
    if (seg.kind === 'import') continue;
    const body = lines.slice(seg.start, seg.end);
    // Statements that declare nothing (app.listen(), exports lists) stay with the symbol above them.
    if (seg.kind === 'other' && current) (current as { body: string[] }).body.push(...body);
    else if (seg.kind === 'other' && !body.join('').replace(/['"]use strict['"];?/g, '').trim()) continue;
    else {
      flush();
      current = { seg, body: [...body] };
    }
  }
  flush();
  if (!chunks.length && importLines.length) chunks.push({ kind: 'code', section: 'module', text: header.trimEnd(), line: 1, meta: { language, symbol: null, imports } });
  return { chunks };
}
