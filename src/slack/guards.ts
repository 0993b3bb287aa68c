import type { WebClient } from '@slack/web-api';
import type { Config } from '../config.js';
import { childLogger } from '../log.js';

const log = childLogger('slack.guards');

/** Who is asking, as far as access to the internal docs goes. */
export interface Audience {
  /** Slack guest (multi- or single-channel: `is_restricted` / `is_ultra_restricted`). */
  guest: boolean;
  /** From another organisation (Slack Connect): their team is not the installation's. */
  external: boolean;
}

export type AccessVerdict = { ok: true } | { ok: false; reason: 'guest' | 'external'; reply: string };

export const GUEST_REPLY = "Sorry, I can only answer questions from the internal docs for full members of this workspace. Please ask your contact on the team.";
export const EXTERNAL_REPLY = "Sorry, I only answer questions from the internal docs for members of this organisation. Please ask your contact on the team.";

/** Policy: guests and other organisations get a polite refusal unless config allows them. Pure. */
export function accessVerdict(audience: Audience, access: Config['access']): AccessVerdict {
  if (audience.external && !access.allowExternal) return { ok: false, reason: 'external', reply: EXTERNAL_REPLY };
  if (audience.guest && !access.allowGuests) return { ok: false, reason: 'guest', reply: GUEST_REPLY };
  return { ok: true };
}

/** The workspace the app is installed in, from an Events API envelope. */
export function installationTeam(body: unknown): string | undefined {
  const b = body as { team_id?: unknown; authorizations?: Array<{ team_id?: unknown }> };
  const team = b?.authorizations?.[0]?.team_id ?? b?.team_id;
  return typeof team === 'string' ? team : undefined;
}

/**
 * Whether an event's author belongs to another organisation. Slack Connect events carry the author's
 * team in `user_team` (and `team` on messages); a shared channel's own workspace is `source_team`.
 */
export function isExternalAuthor(body: unknown, event: unknown): boolean {
  const home = installationTeam(body);
  if (!home) return false;
  const e = event as { user_team?: unknown; team?: unknown; user_profile?: { team?: unknown } };
  const authorTeam = [e?.user_team, e?.team, e?.user_profile?.team].find((t): t is string => typeof t === 'string' && t.length > 0);
  return Boolean(authorTeam && authorTeam !== home);
}

const GUEST_CACHE_MS = 10 * 60_000;

type Membership = 'member' | 'guest' | 'unknown';

/** users.info lookups for guest status, cached for ten minutes per user. */
class GuestChecker {
  private readonly cache = new Map<string, { membership: Membership; at: number }>();

  constructor(private readonly client: WebClient) {}

  /** 'unknown' when users.info fails: callers refuse (fail closed) and ask to try again. */
  async membership(user: string): Promise<Membership> {
    const hit = this.cache.get(user);
    if (hit && Date.now() - hit.at < GUEST_CACHE_MS) return hit.membership;
    try {
      const res = (await this.client.users.info({ user })) as { user?: { is_restricted?: boolean; is_ultra_restricted?: boolean } };
      const membership: Membership = res.user?.is_restricted || res.user?.is_ultra_restricted ? 'guest' : 'member';
      this.cache.set(user, { membership, at: Date.now() });
      return membership;
    } catch (err) {
      log.warn({ user, err: (err as Error).message }, 'users.info failed; not answering from internal docs until it works');
      return 'unknown';
    }
  }
}

const checkers = new WeakMap<WebClient, GuestChecker>();

const UNKNOWN_MEMBERSHIP_REPLY = 'Sorry, I could not check your account just now, so I cannot answer from the internal docs. Please try again in a minute.';

/**
 * The refusal for this asker, or undefined when they may read the docs. users.info is only called
 * when guests are not allowed anyway.
 */
export async function refusalFor(client: WebClient, user: string, access: Config['access']): Promise<string | undefined> {
  if (access.allowGuests) return undefined;
  let checker = checkers.get(client);
  if (!checker) checkers.set(client, (checker = new GuestChecker(client)));
  const membership = await checker.membership(user);
  if (membership === 'unknown') return UNKNOWN_MEMBERSHIP_REPLY;
  const verdict = accessVerdict({ guest: membership === 'guest', external: false }, access);
  return verdict.ok ? undefined : verdict.reply;
}
