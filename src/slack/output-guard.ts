import type { Config } from '../config.js';
import { childLogger } from '../log.js';
import { configuredSecrets, redactSecrets } from '../security/secrets.js';
import { sanitize } from '../security/sanitize/index.js';

const log = childLogger('slack.output-guard');

/**
 * The last gate before an answer leaves Deskmate: the deployment's own secrets are cut out exactly,
 * then the ingest sanitizer runs over the text, so a model talked into printing a token, a
 * connection string or an e-mail address (prompt injection in a doc or a question) prints a
 * placeholder instead. Mentions are escaped later, in the blocks layer.
 */
export async function guardOutgoingText(text: string, config: Pick<Config, 'slack' | 'openai' | 'databaseUrl'>, ids: Record<string, unknown> = {}): Promise<string> {
  const exact = redactSecrets(text, configuredSecrets(config));
  const cleaned = await sanitize(exact.text);
  if (exact.count || cleaned.redactions.length) log.warn({ ...ids, configuredSecrets: exact.count, redactions: cleaned.redactions.length }, 'secrets removed from an outgoing answer');
  return cleaned.text;
}
