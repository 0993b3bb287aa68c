import { formatFigures, type IdentifierStyle, renderIdentifiers } from './identifiers.js';
import type { NoteKind } from './release-notes.js';
import type { ParsedCommit } from './types.js';
import { isCommitVerb, thirdPerson } from './wording.js';

/**
 * Commit descriptions into reader-facing language: one idea per sentence, benefit first.
 * Only the grammar and the framing are ours ("now has", "Faster", "Fixed:"); every content
 * word comes from the commit, so the copy never claims what the commit does not say.
 */

export interface Idea {
  kind: NoteKind;
  /** Imperative base form, identifiers rendered, figures formatted: "add rate limiting". */
  text: string;
  /** A time or size that went down ("400 ms"): the change made something faster or smaller. */
  speedFigure?: { subject: string; figure: string };
  scope?: string;
  /** What the commit is about when it says so ("add X to the user dashboard"): the headline's topic. */
  topic?: string;
  /** The commit's body, for a sentence that explains the change in its own words. */
  body?: string;
  breakingNotes: string[];
}

/** Short technical words people write in capitals; commit subjects often lower-case them. */
const ACRONYMS = new Set('api apis cli css csv dns cors html http https id ids ip json jwt oauth pdf sdk sql ssl sso svg tls ui uri url urls ux xml yaml'.split(' '));

function acronyms(text: string): string {
  return text.replace(/\b[a-z]{2,6}\b/g, (w) => (ACRONYMS.has(w) && w !== 'id' && w !== 'ids' ? (w.endsWith('s') && w.length > 3 ? w.slice(0, -1).toUpperCase() + 's' : w.toUpperCase()) : w));
}

const PAST_TO_BASE: Record<string, string> = { made: 'make', ran: 'run', brought: 'bring', built: 'build', kept: 'keep', sent: 'send', set: 'set', split: 'split', threw: 'throw', wrote: 'write' };

/** "added" → "add", "fixes" → "fix", "supported" → "support": commit subjects use all three. */
function baseVerb(word: string): string | null {
  const w = word.toLowerCase();
  if (isCommitVerb(w)) return w;
  if (PAST_TO_BASE[w]) return PAST_TO_BASE[w];
  const candidates = [w.replace(/ied$/, 'y'), w.replace(/ed$/, ''), w.replace(/d$/, ''), w.replace(/(\w)\1ed$/, '$1'), w.replace(/ies$/, 'y'), w.replace(/es$/, ''), w.replace(/s$/, '')];
  return candidates.find((c) => c !== w && isCommitVerb(c)) ?? null;
}

const REDUCTION = /^(?:the\s+)?(.+?)\s+(?:is\s+|was\s+|are\s+|got\s+)?(?:reduced|decreased|lowered|cut|dropped|down|improved|shortened|faster)\s+(?:by\s+)?(?:~|about\s+)?(\d[\d.,]*\s?(?:ms|µs|us|ns|s|sec|secs|seconds?|milliseconds?|min|minutes?|%|x|KB|MB|GB|kB|kb|mb|gb))(?![\w])(.*)$/i;
const REDUCE_VERB = /^(?:reduce|cut|lower|decrease|shorten)\s+(?:the\s+)?(.+?)\s+by\s+(?:~|about\s+)?(\d[\d.,]*\s?(?:ms|µs|us|ns|s|sec|secs|seconds?|milliseconds?|min|minutes?|%|x|KB|MB|GB|kB|kb|mb|gb))(?![\w])(.*)$/i;

function sentenceCase(text: string): string {
  return text.replace(/^(["'“(]?)(\p{Ll})/u, (_m, q: string, c: string) => q + c.toUpperCase());
}

function lowerFirst(text: string): string {
  // Only a plain capitalised word is lowered ("Add" → "add"); names and acronyms keep their case.
  return text.replace(/^([A-Z])([a-z]+\b)/, (m, a: string, b: string) => (isCommitVerb((a + b).toLowerCase()) || baseVerb(a + b) ? a.toLowerCase() + b : m));
}

/** Lower-cases a first word we capitalised ourselves (the commit wrote it in lower case); names keep theirs. */
function plainLower(text: string, original: string): string {
  const first = /^\p{Lu}\p{Ll}*\b/u.exec(text)?.[0];
  if (first && new RegExp(`(?:^|\\s)${first.toLowerCase()}\\b`).test(original)) return first.toLowerCase() + text.slice(first.length);
  return lowerFirst(text);
}

/** Splits a description that holds several sentences ("added X. latency reduced by 400ms.") into ideas. */
function splitIdeas(summary: string): string[] {
  return summary
    .split(/(?<=[a-z0-9)\]])[.;!]\s+(?=[A-Za-z])|\s+(?:and also|, also|; also)\s+/)
    .map((s) => s.replace(/[\s.;,:]+$/, '').trim())
    .filter((s) => s.split(/\s+/).length >= 2);
}

/** A title-cased subject ("Fix Port Parsing") reads as shouting in a sentence. */
function untitle(text: string): string {
  const words = text.split(/\s+/);
  const capitalised = words.filter((w) => /^[A-Z][a-z]+$/.test(w)).length;
  if (words.length >= 3 && capitalised / words.length >= 0.6) {
    return words.map((w, i) => (i > 0 && /^[A-Z][a-z]+$/.test(w) ? w.toLowerCase() : w)).join(' ');
  }
  return text;
}

export function ideasOf(c: ParsedCommit, kind: NoteKind, style: IdentifierStyle): Idea[] {
  const source = c.summary || c.header;
  const parts = splitIdeas(source);
  const ideas = (parts.length ? parts : [source]).map((part, i) => {
    let text = acronyms(formatFigures(renderIdentifiers(untitle(part), style)));
    const [first, ...rest] = text.split(/\s+/);
    const verb = first ? baseVerb(first) : null;
    if (verb && rest.length) text = [verb, ...rest].join(' ');
    else text = lowerFirst(text);
    const idea: Idea = { kind: i === 0 ? kind : kindOfPart(text, kind), text, scope: c.scope ? renderIdentifiers(c.scope, 'words').replace(/[-_/]+/g, ' ') : undefined, breakingNotes: [] };
    const m = REDUCTION.exec(text) ?? REDUCE_VERB.exec(text);
    if (m) {
      idea.speedFigure = { subject: m[1].replace(/^the\s+/i, ''), figure: m[2] };
      if (kind !== 'breaking') idea.kind = 'improved';
    }
    return idea;
  });
  // "add X to the user dashboard" names what the whole commit is about.
  const topic = ideas.map((i) => /^(?:add|introduce|implement|include|provide|expose|create)\s/.test(i.text) ? objectAndTarget(i.text.replace(/^\S+\s+/, ''))[1] : null).find(Boolean);
  for (const i of ideas) i.topic = topic ?? undefined;
  if (ideas[0] && c.body) ideas[0].body = c.body;
  if (ideas[0]) ideas[0].breakingNotes = c.breakingNotes.map((n) => formatFigures(renderIdentifiers(n, style)));
  return ideas;
}

function kindOfPart(text: string, commitKind: NoteKind): NoteKind {
  if (commitKind === 'breaking') return 'breaking';
  if (/^(?:add|introduce|support|implement|allow|enable)\b/.test(text)) return 'new';
  if (/^(?:fix|resolve|prevent|handle|correct)\b/.test(text)) return 'fixed';
  return commitKind === 'new' ? 'new' : commitKind;
}

const ADD_VERBS = new Set(['add', 'introduce', 'implement', 'include', 'provide', 'expose', 'create']);
const REMOVE_VERBS = new Set(['remove', 'drop', 'delete']);
const PROBLEM_WORDS = /\b(?:bug|bugs|crash|crashes|error|errors|issue|issues|leak|leaks|broken|typo|typos|regression|race|hang|hangs|failure|failures|incorrect|wrong|missing|invalid)\b/i;

/** "add X to Y" → ["X", "Y"]; the target becomes the subject ("Y now has X"). */
function objectAndTarget(rest: string): [string, string | null] {
  const m = /^(.+?)\s+(?:to|in|into)\s+(?:the\s+)?([^,]+)$/.exec(rest);
  if (m && m[2].split(/\s+/).length <= 4 && !/\d/.test(m[2])) return [m[1], m[2]];
  return [rest, null];
}

export interface Phrased {
  /** A full sentence, ending with a period. */
  sentence: string;
  /** The same idea as a headline: benefit first, no final period. */
  headline: string;
  /** A release-notes bullet. */
  item: string;
  /** The bullet without its leading "add"/"fix" when a kind label says it already ("New: dark mode"). */
  labelled: string;
  /** Shorter headline candidates, best first, breaking ones still flagged. */
  shorter: string[];
}

/** One idea in three forms. `subject` is the product name, or null when none is configured. */
export function phrase(idea: Idea, subject: string | null): Phrased {
  const who = subject ?? 'This release';
  const now = subject ? ' now' : '';
  const negated = /^(?:do not|don't|never|no longer|stop)\s+(\S+)\s+(.+)$/i.exec(idea.text);
  const adverbial = /^(only|always|also|correctly|properly|consistently|automatically|lazily)\s+(\S+)\s+(.+)$/i.exec(idea.text);
  const [first, ...restWords] = idea.text.split(/\s+/);
  const rest = restWords.join(' ');
  const verb = isCommitVerb(first ?? '') ? first : null;
  const item = sentenceCase(idea.text);
  const bumped = /^(?:update|upgrade|bump)\s+(?:the\s+)?([@\w./-]+)\s+(?:from\s+\S+\s+)?to\s+(v?\d[\w.-]*)$/i.exec(idea.text);
  const perfTopic = idea.kind === 'improved' && verb && !idea.speedFigure ? (idea.scope ?? /\s(?:for|in|of)\s+((?:the\s+)?[\w\s-]{3,30})$/.exec(rest)?.[1]?.replace(/^the\s+/, '')) : undefined;
  let sentence: string;
  let headline: string;
  if (negated) {
    // "do not X" has a verb after it by grammar, listed or not.
    const v = baseVerb(negated[1]) ?? negated[1].toLowerCase();
    sentence = `${who} no longer ${thirdPerson(v)} ${negated[2]}.`;
    headline = sentence.slice(0, -1);
  } else if (adverbial && (isCommitVerb(adverbial[2]) || baseVerb(adverbial[2]))) {
    const v = baseVerb(adverbial[2]) ?? adverbial[2].toLowerCase();
    sentence = `${who}${now} ${adverbial[1].toLowerCase()} ${thirdPerson(v)} ${adverbial[3]}.`;
    headline = sentence.slice(0, -1);
  } else if (bumped) {
    sentence = `${who}${subject ? ' now uses' : ' moves to'} ${bumped[1]} ${bumped[2]}.`;
    headline = sentence.slice(0, -1);
  } else if (perfTopic && verb && rest && !/^(?:reduce|improve|speed|optimi[sz]e)$/.test(verb)) {
    const without = rest.replace(new RegExp(`\\s(?:for|in|of)\\s+(?:the\\s+)?${perfTopic.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), '');
    sentence = `${who}${now} ${thirdPerson(verb)} ${rest}.`;
    headline = `Faster ${perfTopic}: ${thirdPerson(verb)} ${without}`;
  } else if (idea.speedFigure) {
    const { subject: what, figure } = idea.speedFigure;
    const times = /^\d[\d.,]*\s?x$/i.test(figure);
    const isSpeed = times || /(?:ms|µs|us|ns|s|sec|secs|seconds?|milliseconds?|min|minutes?)$/i.test(figure) || /\b(?:latency|time|duration|startup|start-up|load|build|speed|wait)\b/i.test(what);
    const topic = idea.scope ?? idea.topic ?? subject;
    // "latency" alone says little; "search latency" says where.
    const local = idea.scope ?? idea.topic;
    const said = local && what.split(/\s+/).length <= 2 && !what.toLowerCase().includes(local.toLowerCase()) && !/^(?:our|my|the|its|their)\b/i.test(what) ? `${local} ${what}` : what;
    sentence = times ? `${sentenceCase(said)} is ${figure} faster.` : `${sentenceCase(said)} is down ${figure}.`;
    if (times) headline = `${sentenceCase(what)} is ${figure} faster`;
    else headline = isSpeed && topic ? `Faster ${topic}: ${what} down ${figure}` : `${sentenceCase(what)} down ${figure}`;
  } else if (verb && ADD_VERBS.has(verb) && rest) {
    const [object, target] = objectAndTarget(rest.replace(/^support for\s+/i, 'support for '));
    sentence = target ? `${sentenceCase(target)} now has ${object}.` : `${who}${now} ${subject ? 'has' : 'adds'} ${object}.`;
    headline = target ? `${sentenceCase(target)} gets ${object}` : subject ? `New in ${subject}: ${object}` : `Introducing ${object}`;
  } else if (verb === 'support' && rest) {
    sentence = `${who}${now} supports ${rest}.`;
    headline = `Support for ${rest}`;
  } else if (verb && REMOVE_VERBS.has(verb) && rest) {
    sentence = `${who}${subject ? ' no longer includes' : ' removes'} ${rest}.`;
    headline = idea.kind === 'breaking' ? `Breaking change: ${rest} removed` : `${sentenceCase(rest)} removed`;
  } else if (verb === 'fix' && rest) {
    sentence = PROBLEM_WORDS.test(rest) ? `${who} fixes ${rest}.` : `${sentenceCase(rest)} now works as expected.`;
    headline = PROBLEM_WORDS.test(rest) ? `Fixed ${rest}` : `${sentenceCase(rest)} works as expected`;
  } else if (verb && rest) {
    sentence = `${who}${now} ${thirdPerson(verb)} ${rest}.`;
    headline = sentence.slice(0, -1);
  } else {
    sentence = idea.kind === 'fixed' && PROBLEM_WORDS.test(idea.text) ? `${who} fixes ${idea.text}.` : `${sentenceCase(idea.text)}.`;
    const short = idea.text.split(/\s+/).length <= 6;
    if (idea.kind === 'fixed' && PROBLEM_WORDS.test(idea.text)) headline = `Fixed ${idea.text}`;
    else if (idea.kind === 'fixed' && short && !/\b(?:now|no longer|again)\b/.test(idea.text)) {
      // A fix named by what it touches ("port parsing"): say that it works now.
      headline = `${sentenceCase(idea.text)} works as expected`;
      sentence = `${headline}.`;
    } else if (idea.kind === 'new') {
      // A feature named without a verb ("dark mode for the dashboard", "filter shipments by carrier").
      headline = subject ? `New in ${subject}: ${idea.text}` : `Introducing ${idea.text}`;
    } else headline = sentenceCase(idea.text);
  }
  if (idea.kind === 'breaking' && !/^Breaking\b/.test(headline)) headline = `Breaking change: ${plainLower(headline, idea.text)}`;
  const labelled = sentenceCase(verb && rest && (ADD_VERBS.has(verb) || verb === 'fix') ? rest : idea.text);
  // Shorter forms for a tight headline budget: without the product name, then the bare item.
  const short = subject && sentence.startsWith(`${subject} `) ? sentenceCase(sentence.slice(subject.length + 1).replace(/[.!?]+$/, '')) : null;
  const flagged = (text: string) => (idea.kind === 'breaking' && !/^Breaking\b/.test(text) ? `Breaking change: ${plainLower(text, idea.text)}` : text);
  // The bare item is an imperative when it starts with a verb ("Show a warning"): it reads as an order, not news.
  const itemIsOrder = Boolean(verb || baseVerb(first ?? ''));
  const shorter = [short, itemIsOrder && short ? null : item].filter((t): t is string => Boolean(t)).map(flagged);
  return { sentence: sentenceCase(sentence.replace(/\s{2,}/g, ' ')), headline: sentenceCase(headline.replace(/\s{2,}/g, ' ').replace(/[.!?]+$/, '')), item, labelled, shorter };
}
