/**
 * A cheap detector for messages worth a proactive answer in a channel: real questions about the
 * work, not chatter ("thanks!", "lunch?", "lgtm") or status updates ("deploying now").
 * False positives cost more than misses here (an unasked-for bot reply is noise), so a message
 * needs both the shape of a question and enough words to be about something.
 */
import { normalizeQuestion } from './normalize-question.js';
import { detectSmallTalk } from './small-talk.js';

/** Openings that make a sentence a question even without a question mark. */
const QUESTION_OPENING = /^(?:what|whats|how|where|which|who|whom|whose|why|when|is|are|am|was|were|can|could|do|does|did|should|shall|would|will|has|have|had|may|might|must|any|anyone|anybody|someone|somebody|does anyone|is there|are there)\b/;
/** Phrases that ask even in the middle of a message ("… anyone know where X is"). */
const ASKING_PHRASE = /\b(?:anyone know|anybody know|does anyone|does anybody|do you know|any idea|any ideas|anyone have|anyone got|can someone|can anyone|could someone|could anyone|is there a way|is there any way|how do i|how can i|how to|not sure (?:how|where|what|why|which|if|whether)|i wonder|wondering (?:how|where|what|why|which|if|whether)|help me (?:understand|find|figure))\b/;
/** Social chatter: a question about these is not one the docs can answer. */
const SOCIAL = /\b(?:lunch|coffee|drinks?|beer|dinner|breakfast|weekend|party|birthday|vacation|holiday|pto|movie|game|tomorrow|tonight|standup|stand-up|meeting|all-hands|offsite|ping pong|how are you|how is it going|how was your|you around|you there|anyone around|who is in|who is coming|wanna|want to grab)\b/;
/** A message that reports rather than asks. */
const STATUS_UPDATE = /^(?:deploying|deployed|merging|merged|shipping|shipped|pushing|pushed|fixed|done|on it|looking|working on|back|brb|afk|heading|going|will do|ok|okay|sure|thanks|thank you|ty|thx|lgtm|haha|lol|nice|cool|great|yes|yep|no|nope)\b/;

const MIN_CONTENT_WORDS = 3;

export function looksLikeQuestion(text: string): boolean {
  const normal = normalizeQuestion(text);
  const words = normal.replace(/\?/g, ' ').split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length < MIN_CONTENT_WORDS) return false;
  if (SOCIAL.test(normal)) return false;
  const asks = ASKING_PHRASE.test(normal);
  if (STATUS_UPDATE.test(normal) && !asks && !normal.includes('?')) return false;
  return asks || normal.includes('?') || QUESTION_OPENING.test(normal);
}

/** Requests that need no question mark: "show me the example", "and for comments?", "what about tags". */
const FOLLOW_UP_REQUEST = /^(?:and|also|but|so|then|what about|how about|same for|show|explain|tell|give|list|describe|walk me|point me|i need|i want|i am trying|i'm trying|please)\b/;

/**
 * In a thread Deskmate answered, only follow-up questions get a reply: small talk ("thanks, that
 * worked!") and remarks ("I'll try it tomorrow") are left alone. Shorter than a proactive
 * question may be, since the thread gives the context.
 */
export function isFollowUpQuestion(text: string): boolean {
  if (detectSmallTalk(text)) return false;
  const normal = normalizeQuestion(text);
  if (!normal.replace(/[?\s]/g, '')) return false;
  return normal.includes('?') || QUESTION_OPENING.test(normal) || ASKING_PHRASE.test(normal) || FOLLOW_UP_REQUEST.test(normal);
}
