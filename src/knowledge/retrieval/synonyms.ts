import { stem } from '../../text/tokenize.js';

/**
 * General API-documentation vocabulary: people ask "see", "rename" or "remove" where reference
 * docs say "view", "update" and "delete". Groups are about HTTP/CRUD verbs and common nouns
 * (of APIs in general, and of social and messaging APIs), never about one corpus.
 */
const GROUPS: string[][] = [
  ['see', 'view', 'get', 'fetch', 'retrieve', 'show', 'read', 'list', 'look', 'display', 'obtain'],
  ['delete', 'remove', 'destroy', 'erase', 'drop', 'purge'],
  ['create', 'add', 'new', 'make', 'register', 'open', 'submit'],
  ['update', 'edit', 'change', 'modify', 'rename', 'reschedule', 'patch', 'alter', 'set'],
  ['search', 'find', 'query', 'lookup', 'filter'],
  ['undo', 'revert', 'reverse', 'cancel', 'unset'],
  ['user', 'account', 'member', 'profile'],
  ['result', 'results', 'outcome', 'vote', 'votes'],
  ['limit', 'quota', 'throttle', 'cap'],
  ['error', 'failure', 'fail', 'problem'],
  ['auth', 'authenticate', 'authentication', 'authorize', 'authorization', 'login', 'token', 'credential'],
  ['page', 'paginate', 'pagination', 'cursor', 'next'],
  // Social and messaging APIs: what users call a post, a re-share and an attachment.
  ['post', 'status', 'toot', 'tweet'],
  ['share', 'repost', 'reblog', 'boost', 'retweet', 'reshare'],
  ['image', 'picture', 'photo', 'video', 'media', 'attachment'],
];

const BY_STEM = new Map<string, string[]>();
for (const group of GROUPS) {
  const stems = [...new Set(group.map(stem))];
  for (const s of stems) BY_STEM.set(s, [...new Set([...(BY_STEM.get(s) ?? []), ...stems.filter((x) => x !== s)])]);
}

/** Other stems that mean the same as this stemmed query term. */
export function synonymsOf(term: string): string[] {
  return BY_STEM.get(term) ?? [];
}
