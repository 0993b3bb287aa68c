/**
 * The escalation state machine: open → claimed → resolved (open → resolved is allowed: a senior may
 * answer without claiming). Pure: returns the next record or a refusal with a reason for the user.
 */
import type { Escalation } from './types.js';

export type EscalationAction =
  | { type: 'claim'; actor: string }
  | { type: 'resolve'; actor: string }
  | { type: 'reassign'; senior: string; at: number }
  /** The asker says it cannot wait for the senior's working hours: notify them now. */
  | { type: 'urgent'; actor: string; at: number };

export type TransitionResult = { ok: true; escalation: Escalation } | { ok: false; reason: string };

export interface Roles {
  isSenior(user: string): boolean;
}

export function transition(e: Escalation, action: EscalationAction, roles: Roles): TransitionResult {
  if (e.state === 'resolved') return { ok: false, reason: 'This question is already resolved.' };
  switch (action.type) {
    case 'claim':
      if (!roles.isSenior(action.actor)) return { ok: false, reason: 'Only seniors can take an escalated question.' };
      if (e.state === 'claimed') {
        return e.claimedBy === action.actor ? { ok: false, reason: 'You have already taken this question.' } : { ok: false, reason: `<@${e.claimedBy}> has already taken this question.` };
      }
      return { ok: true, escalation: { ...e, state: 'claimed', claimedBy: action.actor } };
    case 'resolve': {
      // The asker, whoever took it, or any senior may close it; nobody else.
      const allowed = action.actor === e.asker || action.actor === e.claimedBy || roles.isSenior(action.actor);
      if (!allowed) return { ok: false, reason: 'Only the asker or a senior can mark this resolved.' };
      return { ok: true, escalation: { ...e, state: 'resolved', resolvedBy: action.actor } };
    }
    case 'urgent':
      if (action.actor !== e.asker) return { ok: false, reason: 'Only the person who asked can mark this urgent.' };
      if (e.state !== 'open') return { ok: false, reason: 'A senior already has this question.' };
      if (e.notifiedAt !== undefined) return { ok: false, reason: `<@${e.senior}> has already been told about this question.` };
      return { ok: true, escalation: { ...e, notifiedAt: action.at, assignedAt: action.at } };
    case 'reassign':
      if (e.state !== 'open') return { ok: false, reason: 'Only an unclaimed question can be handed to another senior.' };
      return { ok: true, escalation: { ...e, senior: action.senior, assignedAt: action.at, remindedAt: undefined } };
  }
}
