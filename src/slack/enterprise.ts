import type { WebClient } from '@slack/web-api';
import { childLogger } from '../log.js';
import { isExternalAuthor } from './guards.js';

const log = childLogger('slack.enterprise');

/** The Enterprise Grid organisation the app is installed in, from an Events API envelope. */
function installationEnterprise(body: unknown): string | undefined {
  const b = body as { enterprise_id?: unknown; authorizations?: Array<{ enterprise_id?: unknown }> };
  const id = b?.authorizations?.[0]?.enterprise_id ?? b?.enterprise_id;
  return typeof id === 'string' && id ? id : undefined;
}

const CACHE_MS = 10 * 60_000;
const enterprises = new WeakMap<WebClient, Map<string, { enterprise?: string; at: number }>>();

/** users.info's `enterprise_user.enterprise_id`, cached ten minutes; undefined when Slack does not say (or fails). */
async function enterpriseOfUser(client: WebClient, user: string): Promise<string | undefined> {
  let cache = enterprises.get(client);
  if (!cache) enterprises.set(client, (cache = new Map()));
  const hit = cache.get(user);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.enterprise;
  try {
    const res = (await client.users.info({ user })) as { user?: { enterprise_user?: { enterprise_id?: string } } };
    const enterprise = res.user?.enterprise_user?.enterprise_id;
    cache.set(user, { enterprise, at: Date.now() });
    return enterprise;
  } catch (err) {
    log.warn({ user, err: (err as Error).message }, 'users.info failed; treating the author as external');
    return undefined;
  }
}

/**
 * Whether the author belongs to another organisation. Enterprise Grid: a user of a sister
 * workspace (same organisation, other `user_team`) is one of us. In a channel not shared outside
 * the organisation (`is_ext_shared_channel: false`) every author is; in a Slack Connect channel
 * Slack is asked which organisation the author is in. Fails closed: unknown means external.
 */
export async function isExternalAsker(client: WebClient, body: unknown, event: { user?: string }): Promise<boolean> {
  if (!isExternalAuthor(body, event)) return false;
  const enterprise = installationEnterprise(body);
  if (!enterprise) return true;
  if ((body as { is_ext_shared_channel?: unknown }).is_ext_shared_channel === false) return false;
  if (!event.user) return true;
  return (await enterpriseOfUser(client, event.user)) !== enterprise;
}
