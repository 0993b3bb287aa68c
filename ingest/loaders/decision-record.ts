import { parse as parseYaml } from 'yaml';
import type { DecisionRecordMeta, DecisionStatus, LoadedSource } from '../../src/ports/chunk.js';
import { decodeText } from './parse-failed.js';

/**
 * Architecture decision records (Nygard and MADR, in ADR folders): one chunk per record with its
 * title, status, date and successor, so a why-question about a team choice can be answered from
 * the decision the team wrote down. Anything that does not look like a record stays Markdown.
 */

const ADR_FOLDER = /^(adrs?|decisions?|architecture[-_ ]?decisions?|decision[-_ ]?records?|architecture[-_ ]?decision[-_ ]?records?)$/i;
const NUMBERED_FILE = /^(?:adr[-_]?)?(\d{3,8})[-_][^/]+\.(md|markdown|mdx)$/i;
const NOT_RECORDS = /^(readme|index|template|adr-template|toc)\.(md|markdown|mdx)$/i;
const DECISION_HEADING = /^#{1,3}\s+(decision(\s+outcome)?|status)\s*$/im;
const MAX_RECORD_CHARS = 2400;

/** Whether a Markdown file is a decision record: in an ADR folder or ADR-numbered, with a decision or status section. */
export function isDecisionRecord(relPath: string, text: string): boolean {
  const parts = relPath.split('/');
  const file = parts[parts.length - 1];
  if (NOT_RECORDS.test(file)) return false;
  const inFolder = parts.slice(0, -1).some((p) => ADR_FOLDER.test(p)) || /^adr[-_]?\d/i.test(file);
  const { front, body } = stripFrontMatter(text);
  if (inFolder) return DECISION_HEADING.test(body);
  // A numbered file outside an ADR folder (the folder itself was ingested) needs a status as well as a decision.
  const hasStatus = typeof front.status === 'string' || /^#{1,3}\s+status\s*$/im.test(body) || /^\s*[-*]?\s*status\s*:/im.test(body);
  return NUMBERED_FILE.test(file) && hasStatus && /^#{1,3}\s+(decision(\s+outcome)?|context)\b/im.test(body);
}

function stripFrontMatter(text: string): { front: Record<string, unknown>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { front: {}, body: text };
  try {
    const front = parseYaml(m[1]);
    return { front: front && typeof front === 'object' ? (front as Record<string, unknown>) : {}, body: text.slice(m[0].length) };
  } catch {
    return { front: {}, body: text.slice(m[0].length) };
  }
}

interface Section {
  heading: string;
  level: number;
  lines: string[];
}

function sectionsOf(body: string): { title?: string; preamble: string[]; sections: Section[] } {
  const sections: Section[] = [];
  const preamble: string[] = [];
  let title: string | undefined;
  let fence = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const h = fence ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (h && h[1].length === 1 && title === undefined) {
      title = h[2];
      continue;
    }
    if (h) {
      sections.push({ heading: h[2], level: h[1].length, lines: [] });
      continue;
    }
    (sections.length ? sections[sections.length - 1].lines : preamble).push(line);
  }
  return { title, preamble, sections };
}

/** The text under the first heading matching `re`, with its subsections (until a heading at its level or above). */
function sectionText(sections: Section[], re: RegExp): string {
  const i = sections.findIndex((s) => re.test(s.heading));
  if (i < 0) return '';
  const out = [...sections[i].lines];
  for (let j = i + 1; j < sections.length && sections[j].level > sections[i].level; j++) out.push(`${sections[j].heading}:`, ...sections[j].lines);
  return clean(out.join('\n'));
}

function clean(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const STATUS_WORDS: Array<[RegExp, DecisionStatus]> = [
  [/supersed/i, 'superseded'],
  [/deprecat/i, 'deprecated'],
  [/reject|declin/i, 'rejected'],
  [/accept|approv|adopt|decided|done/i, 'accepted'],
  [/propos|draft|review|discuss|on hold|pending/i, 'proposed'],
];

function statusOf(raw: string): DecisionStatus | undefined {
  for (const [re, status] of STATUS_WORDS) if (re.test(raw)) return status;
  return undefined;
}

/** "Status: accepted" / "- Status: superseded by [X](x.md)" / "* Date: 2020-09-26" lines of MADR 2. */
function labelledLine(lines: string[], label: string): string | undefined {
  const re = new RegExp(`^\\s*(?:[-*]\\s*)?(?:\\*\\*)?${label}(?:\\*\\*)?\\s*:\\s*(.+)$`, 'i');
  for (const l of lines) {
    const m = re.exec(l);
    if (m) return m[1].trim();
  }
  return undefined;
}

function isoDate(raw: unknown): string | undefined {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return raw.toISOString().slice(0, 10);
  if (typeof raw !== 'string') return undefined;
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

function successorOf(statusLine: string): { title?: string; path?: string } | undefined {
  const m = /supersede[sd]?\s+by\s+(?:\[([^\]]+)\]\(([^)]+)\)|(ADR[-\s]?\d+[^\s,.;]*)|(\S+\.md))/i.exec(statusLine);
  if (!m) return undefined;
  return { title: m[1] ?? m[3] ?? m[4], path: m[2] ?? m[4] };
}

/** The record's meta from its file name, front matter, labelled lines and Status section. */
function decisionMeta(relPath: string, text: string): { meta: DecisionRecordMeta; body: string; sections: Section[] } {
  const file = relPath.split('/').pop() ?? relPath;
  const { front, body } = stripFrontMatter(text);
  const { title: rawTitle, preamble, sections } = sectionsOf(body);
  const number = NUMBERED_FILE.exec(file)?.[1];
  const statusSection = sectionText(sections, /^status$/i);
  const statusLine = (typeof front.status === 'string' ? front.status : undefined) ?? labelledLine(preamble, 'status') ?? statusSection.split('\n').find((l) => l.trim()) ?? '';
  const dateRaw = front.date ?? labelledLine(preamble, 'date') ?? (number && number.length === 8 ? `${number.slice(0, 4)}-${number.slice(4, 6)}-${number.slice(6, 8)}` : undefined);
  const title = (rawTitle ?? file.replace(/\.(md|markdown|mdx)$/i, '').replace(/^\d+[-_]/, '').replace(/[-_]/g, ' '))
    .replace(/^(?:ADR[-\s]?)?\d+\s*[.:)-]\s*/i, '')
    .trim();
  // A 3–5 digit prefix is a record number (ADR-0007); an 8-digit one is a date (log4brains).
  const id = number && number.length <= 5 ? `ADR-${number.padStart(4, '0')}` : title;
  const successor = successorOf(statusLine) ?? successorOf(statusSection);
  const status = statusOf(statusLine) ?? (successor ? 'superseded' : undefined);
  const meta: DecisionRecordMeta = {
    id,
    title,
    status: status ?? 'unknown',
    ...(isoDate(dateRaw) ? { date: isoDate(dateRaw) } : {}),
    ...(successor?.path ? { supersededBy: successor.path } : {}),
    ...(successor?.title ? { supersededByTitle: clean(successor.title) } : {}),
  };
  return { meta, body, sections };
}

export async function loadDecisionRecord(content: Buffer, relPath: string): Promise<LoadedSource> {
  const text = decodeText(content, relPath);
  const { meta, sections } = decisionMeta(relPath, text);
  const decision = sectionText(sections, /^decision(\s+outcome)?$/i);
  const context = sectionText(sections, /^context/i);
  const consequences = sectionText(sections, /consequences/i);
  const drivers = sectionText(sections, /^decision drivers$/i);
  const parts = [
    `${meta.id === meta.title ? '' : `${meta.id}: `}${meta.title} (${meta.status}${meta.date ? `, ${meta.date}` : ''}).`,
    decision && `Decision: ${decision}`,
    context && `Context: ${context}`,
    drivers && `Drivers: ${drivers}`,
    consequences && `Consequences: ${consequences}`,
  ].filter(Boolean);
  const chunkText = parts.join('\n\n').slice(0, MAX_RECORD_CHARS);
  return { chunks: [{ kind: 'decision', section: meta.title, text: chunkText, line: 1, meta: { record: meta } }] };
}
