/**
 * Slack mrkdwn control characters. Text that comes from a person or from the docs is escaped
 * before it enters a message, so `<!channel>`, `<!here>`, `<!everyone>`, `<@U…>`, `<#C…>` and
 * `<https://evil|innocent>` inside a question, a doc or an LLM reply render as plain text and
 * never notify anyone. Slack's own rule: escape `&`, `<` and `>` (in that order) and nothing else.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** True when text holds a live Slack control sequence (mention, broadcast, channel or link). */
export function hasLiveMarkup(text: string): boolean {
  return /<[!@#][^>]*>|<https?:[^>]*>/.test(text);
}
