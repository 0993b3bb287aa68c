/**
 * A small lexer for TypeScript/JavaScript that only answers one question per line: does it
 * start at the top level (outside any brace, bracket, string, template or comment)? That is
 * enough to cut a file into top-level statements without a parser dependency at runtime
 * (the TypeScript compiler is only a devDependency here).
 */
export interface TopLevelLine {
  /** 0-based line number. */
  index: number;
  text: string;
}

const REGEX_PRECEDERS = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);
const REGEX_KEYWORDS = /\b(?:return|typeof|instanceof|in|of|new|delete|void|throw|case|do|else|yield|await)$/;

/** Lines that begin at depth 0 and outside strings/comments, in order. */
export function topLevelLines(source: string): TopLevelLine[] {
  const lines = source.split('\n');
  const starts: boolean[] = new Array(lines.length).fill(false);
  let depth = 0;
  // Template literals nest: `a ${ `b ${c}` }`; each open `${` remembers the depth it returns to.
  const templateStack: number[] = [];
  let mode: 'code' | 'line-comment' | 'block-comment' | 'single' | 'double' | 'template' | 'regex' = 'code';
  let lastSignificant = '';
  let line = 0;
  let atLineStart = true;
  let inClass = false;

  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (atLineStart) {
      starts[line] = mode === 'code' && depth === 0 && templateStack.length === 0;
      atLineStart = false;
    }
    if (ch === '\n') {
      line++;
      atLineStart = true;
      if (mode === 'line-comment') mode = 'code';
      continue;
    }
    const next = source[i + 1];
    switch (mode) {
      case 'line-comment':
        continue;
      case 'block-comment':
        if (ch === '*' && next === '/') {
          mode = 'code';
          i++;
        }
        continue;
      case 'single':
      case 'double':
        if (ch === '\\') i++;
        else if ((mode === 'single' && ch === "'") || (mode === 'double' && ch === '"')) mode = 'code';
        continue;
      case 'regex':
        if (ch === '\\') i++;
        else if (ch === '[') inClass = true;
        else if (ch === ']') inClass = false;
        else if (ch === '/' && !inClass) {
          mode = 'code';
          lastSignificant = 'x';
        }
        continue;
      case 'template':
        if (ch === '\\') i++;
        else if (ch === '`') {
          mode = 'code';
          lastSignificant = 'x';
        } else if (ch === '$' && next === '{') {
          templateStack.push(depth);
          depth++;
          mode = 'code';
          i++;
          lastSignificant = '{';
        }
        continue;
      case 'code':
        break;
    }
    if (ch === '/' && next === '/') {
      mode = 'line-comment';
      i++;
    } else if (ch === '/' && next === '*') {
      mode = 'block-comment';
      i++;
    } else if (ch === "'") mode = 'single';
    else if (ch === '"') mode = 'double';
    else if (ch === '`') mode = 'template';
    else if (ch === '/') {
      const before = source.slice(Math.max(0, i - 12), i).trimEnd();
      if (REGEX_PRECEDERS.has(lastSignificant) || REGEX_KEYWORDS.test(before)) {
        mode = 'regex';
        inClass = false;
      } else lastSignificant = '/';
    } else if (ch === '{' || ch === '(' || ch === '[') {
      depth++;
      lastSignificant = ch;
    } else if (ch === '}' || ch === ')' || ch === ']') {
      depth = Math.max(0, depth - 1);
      if (ch === '}' && templateStack.length && templateStack[templateStack.length - 1] === depth) {
        templateStack.pop();
        mode = 'template';
      }
      lastSignificant = ch === '}' ? '}' : 'x';
    } else if (!/\s/.test(ch)) lastSignificant = /[\w$]/.test(ch) ? 'x' : ch;
  }
  return lines.map((text, index) => ({ index, text })).filter((l) => starts[l.index]);
}
