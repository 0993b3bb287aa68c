/**
 * Escalations raised outside a senior's working hours (or in do-not-disturb) wait, unnotified, for
 * one digest when the senior is next available. Pure: groups what waits, oldest first per senior.
 */
import type { Escalation } from './types.js';

export function waitingForDigest(open: Escalation[]): Map<string, Escalation[]> {
  const bySenior = new Map<string, Escalation[]>();
  for (const e of open) {
    if (e.state !== 'open' || e.notifiedAt !== undefined) continue;
    const list = bySenior.get(e.senior) ?? [];
    list.push(e);
    bySenior.set(e.senior, list);
  }
  for (const list of bySenior.values()) list.sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  return bySenior;
}
