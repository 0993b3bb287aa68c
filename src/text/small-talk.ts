/**
 * Small talk: greetings, thanks, acknowledgements and goodbyes are social acts, not requests, so
 * they get a short friendly reply and never a doc dump or an escalation.
 *
 * The test is by dialogue act, not by matching known messages: a message is small talk when
 * (a) some word in it performs a social act (greet, thank, acknowledge, evaluate, close),
 * (b) it carries no request: no question about anything but the listener's well-being, no
 *     imperative asking for something, no technical token (code, path, identifier, number), and
 * (c) nearly all its words are social-act words or function words, so nothing is left that a
 *     doc could be about. "thanks, how do I rotate keys?" fails (b) and is answered.
 */
import { normalizeQuestion } from './normalize-question.js';

type SmallTalkAct = 'greeting' | 'thanks' | 'acknowledgement' | 'farewell';

export interface SmallTalk {
  act: SmallTalkAct;
  /** Short and friendly; in a thread the caller may prefer to say nothing. */
  reply: string;
}

/** Words that perform one social act each; stems cover inflections (thank/thanks/thanked). */
const ACT_WORDS: Record<SmallTalkAct, RegExp> = {
  greeting: /^(?:hi+|hello+|hey+|heya|hiya|howdy|yo|greetings|morning|afternoon|evening|gm|welcome|sup)$/,
  thanks: /^(?:thanks?|thank(?:ed|ing)?|thx|ty|tysm|cheers|ta|appreciated?|appreciat\w*|grateful|kudos|props)$/,
  acknowledgement:
    /^(?:ok+|okay|okey|k|kk|alright|allright|right|sure|yes|yep|yeah|yup|no|nope|got|gotcha|understood|noted|roger|fine|great|perfect|awesome|cool|nice|excellent|brilliant|amazing|lovely|wonderful|super|sweet|neat|good|fantastic|worked|works|working|helped|helpful|solved|sorted|fixed|clear|makes|sense|sounds|lgtm|nevermind|nvm|figured|haha|lol|wow|ah|oh|aha|np|welcome)$/,
  farewell: /^(?:bye+|goodbye|cya|later|laters|night|goodnight|ttyl|farewell|weekend)$/,
};

/** Function words, fillers and ways of addressing someone: they carry no topic a doc could answer. */
const FUNCTION_WORDS =
  /^(?:a|an|the|this|that|it|its|it's|that's|thats|is|was|be|so|very|really|much|lot|lots|all|again|now|too|as|well|just|for|to|of|and|or|but|you|your|u|ya|me|my|i|i'm|im|we|us|our|there|here|everyone|everybody|folks|team|guys|all|man|mate|buddy|friend|bot|deskmate|dear|indeed|totally|definitely|quite|pretty|out|have|has|had|a|nice|good|day|one|help|same|to|you|too|will|do|did|that|exactly|thing|what|how|are|doing|going|it's|ok|then|in|on|with|from|at)$/;

/** A question about the listener's well-being is a greeting, not a request. */
const WELL_BEING = /\bhow(?:'s| is| are)? (?:you|it going|things|everyone|your day)\b|\bwhat'?s up\b/;
/** A request: question words about something, or an imperative asking for something. */
const REQUEST =
  /\b(?:how (?:do|can|should|would|to)|what (?:is|are|does|do)|where|which|why|when|who|can (?:you|i|we)|could (?:you|i|we)|is there|are there|do you know|show|explain|tell|list|give|find|help me|need|want|looking for|trying to|doesn't|does not|didn't|did not|isn't|not working|error|fail\w*|broken|still)\b/;
/** Technical tokens: code, paths, identifiers, numbers. Any of these means the message is about something. */
const TECHNICAL = /[`/\\{}<>=]|\b\w+_\w+\b|\b[a-z]+[A-Z]\w*\b|\d/;

/** Share of words that must be social-act or function words. */
const SOCIAL_SHARE = 0.8;
/** Longer messages are almost never only chatter; they get the normal path. */
const MAX_WORDS = 14;

const REPLIES: Record<SmallTalkAct, string> = {
  greeting: 'Hi! Ask me anything the docs cover: an endpoint, a setting, a table or how to do something.',
  thanks: 'Glad it helped!',
  acknowledgement: ':+1:',
  farewell: 'Bye for now!',
};

export function detectSmallTalk(message: string): SmallTalk | null {
  // Slack emoji codes (:wave:) are social; mentions, links and code are removed or replaced by normalizing.
  const raw = message.replace(/:[a-z0-9_+-]+:/g, ' ').trim();
  const text = normalizeQuestion(raw);
  if (!text && !emojiOnly(message.trim())) return null;
  if (TECHNICAL.test(text)) return null;
  const words = text
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length > MAX_WORDS) return null;
  const wellBeing = WELL_BEING.test(text);
  if (!wellBeing && (REQUEST.test(text) || text.includes('?'))) return null;
  if (!words.length) return emojiOnly(message.trim()) ? { act: 'acknowledgement', reply: REPLIES.acknowledgement } : null;
  const counts: Record<SmallTalkAct, number> = { greeting: wellBeing ? 1 : 0, thanks: 0, acknowledgement: 0, farewell: 0 };
  let social = 0;
  for (const w of words) {
    const act = (Object.keys(ACT_WORDS) as SmallTalkAct[]).find((a) => ACT_WORDS[a].test(w));
    if (act) counts[act]++;
    if (act || FUNCTION_WORDS.test(w)) social++;
  }
  const acts = (Object.keys(counts) as SmallTalkAct[]).filter((a) => counts[a] > 0);
  if (!acts.length || social / words.length < SOCIAL_SHARE) return null;
  // Thanks outranks the rest ("great, thanks!"), a goodbye outranks a greeting ("night all").
  const act = (['thanks', 'farewell', 'greeting', 'acknowledgement'] as const).find((a) => counts[a] > 0)!;
  return { act, reply: REPLIES[act] };
}

function emojiOnly(text: string): boolean {
  return /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f|[\s!.])+$/u.test(text) || /^(?::[a-z0-9_+-]+:\s*)+$/.test(text);
}
