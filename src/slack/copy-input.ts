import { splitCommitMessages } from '../copy/split.js';

/**
 * Slack text → commit messages. Slack sends `&`, `<`, `>` as entities, wraps links as
 * `<url|label>`, and people paste commits inside code fences; the drafter wants plain text.
 */
export function slackToPlain(text: string): string {
  return text
    .replace(/```/g, '\n')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<@([A-Z0-9]+)\|([^>]+)>/g, '@$2')
    .replace(/<#[A-Z0-9]+\|([^>]+)>/g, '#$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function commitMessagesFromSlack(text: string): string[] {
  return splitCommitMessages(slackToPlain(text));
}

export const COPY_USAGE = [
  '*Usage:* `/copy <commit messages>`',
  'Paste full commit messages separated by a line holding only `---`, or subject lines one per line, e.g.',
  '```/copy feat(search): filter shipments by carrier\nfix: keep the cursor when a page is empty```',
  'Or use the *Draft copy* shortcut (⋯ on a message that lists commits). Only you see the draft; nothing is posted until you approve it.',
].join('\n');
