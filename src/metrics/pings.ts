import type { Config } from '../config.js';

/**
 * Observed senior pings: in a channel Deskmate is in, a message from a non-senior that mentions a
 * senior (<@U…>) or one of their user groups (<!subteam^S…>) interrupts that senior. Pure: the Slack
 * listener passes the message and the roster; the recorder stores what this returns.
 */

export interface Roster {
  /** Slack user ids (U…/W…) and user-group ids (S…) of the seniors. */
  seniors: string[];
  /** Members of senior user groups, when the Slack side has resolved them (usergroups.users.list). */
  groupMembers?: Record<string, string[]>;
}

export function rosterFromConfig(config: Config, groupMembers?: Record<string, string[]>): Roster {
  const seniors = new Set([...config.seniors, ...config.topics.flatMap((t) => t.seniors)]);
  return { seniors: [...seniors], groupMembers };
}

/** Key shared by every event of one Slack thread (a top-level message is its own thread). */
export function threadRef(channel: string, threadTs: string): string {
  return `${channel}:${threadTs}`;
}

export function mentionedIds(text: string): { users: string[]; groups: string[] } {
  const users = new Set<string>();
  const groups = new Set<string>();
  for (const m of text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)) users.add(m[1]);
  for (const m of text.matchAll(/<!subteam\^([A-Z0-9]+)(?:\|[^>]*)?>/g)) groups.add(m[1]);
  return { users: [...users], groups: [...groups] };
}

export function isSenior(user: string, roster: Roster): boolean {
  if (roster.seniors.includes(user)) return true;
  return Object.entries(roster.groupMembers ?? {}).some(([group, members]) => roster.seniors.includes(group) && members.includes(user));
}

/** The seniors (user ids, or group ids for a group mention) a message interrupts; none when a senior wrote it. */
export function seniorPings(message: { user: string; text: string }, roster: Roster): string[] {
  if (isSenior(message.user, roster)) return [];
  const { users, groups } = mentionedIds(message.text);
  const pinged = new Set<string>();
  for (const u of users) if (u !== message.user && isSenior(u, roster)) pinged.add(u);
  for (const g of groups) if (roster.seniors.includes(g)) pinged.add(g);
  return [...pinged];
}
