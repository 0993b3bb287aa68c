import { transition, type EscalationAction } from '../escalation/state.js';
import { childLogger } from '../log.js';
import type { Escalation } from '../store/types.js';
import { escalationNotice } from './blocks/escalation.js';
import { directMessageSenior } from './escalate.js';
import { recordEscalationChange } from './metrics-hooks.js';
import type { SlackRuntime } from './runtime.js';

const log = childLogger('slack.escalation');

/**
 * Applies a claim, resolve or "It's urgent" to a persisted escalation, updates the notice in the thread and says
 * what changed there. A refusal comes back as the reason, for an ephemeral reply to the clicker.
 */
export async function changeEscalation(rt: SlackRuntime, id: number, action: EscalationAction): Promise<{ ok: true; escalation: Escalation } | { ok: false; reason: string }> {
  const current = await rt.deps.store.getEscalation(id);
  if (!current) return { ok: false, reason: 'I cannot find that escalation any more.' };
  const result = transition(current, action, rt.roles);
  if (!result.ok) return result;
  // Compare-and-set: a sweep or click on another replica that saved first wins, and this one says so.
  const saved = await rt.deps.store.saveEscalation(result.escalation);
  if (!saved.ok) return { ok: false, reason: 'Someone changed this escalation at the same moment; look at the thread for where it stands now.' };
  const next = saved.escalation;
  log.info({ escalationId: id, from: current.state, to: next.state }, 'escalation changed');
  await recordEscalationChange(rt.deps, next);
  if (next.noticeTs) {
    await rt.client.chat.update({ channel: next.channel, ts: next.noticeTs, ...escalationNotice(next) }).catch((err) => log.warn({ escalationId: id, err: (err as Error).message }, 'could not update the escalation notice'));
  }
  if (action.type === 'urgent') {
    await directMessageSenior(rt.client, next, log.child({ escalationId: id }));
    await rt.client.chat.postMessage({ channel: next.channel, thread_ts: next.threadTs, text: `Marked urgent: I've messaged <@${next.senior}> now.` });
    return { ok: true, escalation: next };
  }
  const line = next.state === 'claimed' ? `<@${next.claimedBy}> is taking this question.` : `Marked resolved by <@${next.resolvedBy}>. Thanks!`;
  await rt.client.chat.postMessage({ channel: next.channel, thread_ts: next.threadTs, text: line });
  return { ok: true, escalation: next };
}
