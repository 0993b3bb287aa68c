import { reminderStep } from '../escalation/reminders.js';
import { mentionOf, pickRoundRobin, routeTopic } from '../escalation/routing.js';
import { transition } from '../escalation/state.js';
import { childLogger } from '../log.js';
import { escalationNotice } from './blocks/escalation.js';
import { directMessageSenior } from './escalate.js';
import type { SlackRuntime } from './runtime.js';

const log = childLogger('slack.escalation-sweep');

/**
 * One pass over open escalations: remind the senior once when unclaimed for
 * `escalation.remindAfterMinutes`, then hand it to the next senior of the pool after as long again.
 * Runs on a timer; safe to run on several replicas only with one store (the state saved decides).
 */
export async function sweepEscalations(rt: SlackRuntime): Promise<{ reminded: number; reassigned: number }> {
  const now = rt.deps.now().getTime();
  const afterMs = rt.deps.config.escalation.remindAfterMinutes * 60_000;
  let reminded = 0;
  let reassigned = 0;
  for (const e of await rt.deps.store.listEscalations('open')) {
    const step = reminderStep(e, now, afterMs);
    if (!step) continue;
    const elog = log.child({ escalationId: e.id });
    try {
      if (step === 'remind') {
        await rt.deps.store.saveEscalation({ ...e, remindedAt: now });
        await rt.client.chat.postMessage({ channel: e.channel, thread_ts: e.threadTs, text: `Reminder: ${mentionOf(e.senior)}, this question is still waiting for someone to take it.` });
        reminded++;
        continue;
      }
      const pool = routeTopic(e.question, rt.deps.config.topics, rt.deps.config.seniors).pool;
      const next = pickRoundRobin(pool, await rt.deps.store.nextRotation(e.topic), [e.asker, e.senior]);
      if (!next || next === e.senior) {
        // Nobody else to ask: keep the senior, start the clock again rather than reminding every pass.
        await rt.deps.store.saveEscalation({ ...e, remindedAt: now });
        continue;
      }
      const moved = transition(e, { type: 'reassign', senior: next, at: now }, rt.roles);
      if (!moved.ok) continue;
      await rt.deps.store.saveEscalation(moved.escalation);
      if (e.noticeTs) await rt.client.chat.update({ channel: e.channel, ts: e.noticeTs, ...escalationNotice(moved.escalation) });
      await rt.client.chat.postMessage({ channel: e.channel, thread_ts: e.threadTs, text: `Nobody has taken this yet, so I've asked ${mentionOf(next)} instead.` });
      await directMessageSenior(rt.client, moved.escalation, elog);
      reassigned++;
    } catch (err) {
      elog.warn({ err: (err as Error).message, step }, 'escalation sweep step failed; will retry next pass');
    }
  }
  if (reminded || reassigned) log.info({ reminded, reassigned }, 'escalation sweep');
  return { reminded, reassigned };
}
