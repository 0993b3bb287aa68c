import type { Config } from '../config.js';

/** Shorter values are too likely to occur in ordinary text to be redacted blindly. */
const MIN_SECRET_CHARS = 6;

/**
 * The secrets this deployment holds (Slack tokens and signing secret, the OpenAI key, the database
 * password). Anything Deskmate sends out is checked against them, whatever the LLM was told.
 */
export function configuredSecrets(config: Pick<Config, 'slack' | 'openai' | 'databaseUrl'>): string[] {
  const values = [config.slack.botToken, config.slack.appToken, config.slack.signingSecret, config.openai.apiKey];
  if (config.databaseUrl) {
    values.push(config.databaseUrl);
    try {
      const password = decodeURIComponent(new URL(config.databaseUrl).password);
      values.push(password);
    } catch {
      // not a URL (a libpq keyword string): the whole value is still covered above
    }
  }
  // Longest first, so a secret that contains another is replaced whole.
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v.length >= MIN_SECRET_CHARS))].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of a configured secret with a placeholder. Pure; exact matches only. */
export function redactSecrets(text: string, secrets: string[]): { text: string; count: number } {
  let out = text;
  let count = 0;
  for (const secret of secrets) {
    const parts = out.split(secret);
    if (parts.length > 1) {
      count += parts.length - 1;
      out = parts.join('[REDACTED:configured-secret]');
    }
  }
  return { text: out, count };
}
