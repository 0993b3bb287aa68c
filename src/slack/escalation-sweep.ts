import { waitingForDigest } from '../escalation/digest.js';
import { reminderStep } from '../escalation/reminders.js';
import { mentionOf, pickRoundRobin, routeTopic } from '../escalation/routing.js';
import { transition } from '../escalation/state.js';
import { childLogger } from '../log.js';
import { escalationNotice } from './blocks/escalation.js';
import { directMessageSenior, interruptNow, sendSeniorDigest } from './escalate.js';
import type { Escalation } from '../store/types.js';
import type { SlackRuntime } from './runtime.js';

const log = childLogger('slack.escalation-sweep');

/** Runtimes whose store does not keep reminder fields: sweeping them would repeat every pass. */
const unsupported = new WeakSet<SlackRuntime>();

/**
 * Saves and reads back: 'lost' when another writer (a claim on another replica) saved first, so this
 * pass must not act on its stale copy; 'unsupported' when the store dropped the field (an older store).
 */
async function savedAndKept(rt: SlackRuntime, e: Escalation, field: 'remindedAt' | 'notifiedAt'): Promise<'kept' | 'lost' | 'unsupported'> {
  if (!(await rt.deps.store.saveEscalation(e)).ok) return 'lost';
  const back = await rt.deps.store.getEscalation(e.id);
  if (back?.[field] !== undefined) return 'kept';
  unsupported.add(rt);
  log.error({ field }, 'the store does not persist escalation reminder fields; reminders and deferred DMs are off until it does');
  return 'unsupported';
}

/**
 * One pass over open escalations: remind the senior once when unclaimed for
 * `escalation.remindAfterMinutes`, then hand it to the next senior of the pool after as long again;
 * escalations raised outside a senior's hours (or in DND) reach them as one digest when they are back.
 * Runs on a timer; safe to run on several replicas only with one store (the state saved decides).
 */
export async function sweepEscalations(rt: SlackRuntime): Promise<{ reminded: number; reassigned: number; delivered: number }> {
  const now = rt.deps.now().getTime();
  const afterMs = rt.deps.config.escalation.remindAfterMinutes * 60_000;
  let reminded = 0;
  let reassigned = 0;
  let delivered = 0;
  if (unsupported.has(rt)) return { reminded, reassigned, delivered };
  const open = await rt.deps.store.listEscalations('open');
  for (const [senior, waiting] of waitingForDigest(open)) {
    const slog = log.child({ senior });
    try {
      // The first pass inside their working day (and out of do-not-disturb): one digest; their clocks start then.
      if (!(await interruptNow(rt.deps, rt.client, senior, false, slog))) continue;
      const sent: Escalation[] = [];
      for (const e of waiting) {
        const told = { ...e, notifiedAt: now, assignedAt: now };
        const kept = await savedAndKept(rt, told, 'notifiedAt');
        if (kept === 'unsupported') return { reminded, reassigned, delivered };
        if (kept === 'lost') continue;
        sent.push(told);
        if (e.noticeTs) await rt.client.chat.update({ channel: e.channel, ts: e.noticeTs, ...escalationNotice(told) }).catch(() => undefined);
      }
      await sendSeniorDigest(rt.client, senior, sent, slog);
      delivered += sent.length;
    } catch (err) {
      slog.warn({ err: (err as Error).message }, 'digest failed; will retry next pass');
    }
  }
  for (const e of open) {
    if (e.notifiedAt === undefined) continue;
    const elog = log.child({ escalationId: e.id });
    try {
      const step = reminderStep(e, now, afterMs);
      if (!step) continue;
      // Never remind or hand over into someone's night or do-not-disturb.
      if (!(await interruptNow(rt.deps, rt.client, e.senior, false, elog))) continue;
      if (step === 'remind') {
        const kept = await savedAndKept(rt, { ...e, remindedAt: now }, 'remindedAt');
        if (kept === 'unsupported') break;
        if (kept === 'lost') continue;
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
      if (!(await interruptNow(rt.deps, rt.client, next, false, elog))) moved.escalation.notifiedAt = undefined;
      else moved.escalation.notifiedAt = now;
      if (!(await rt.deps.store.saveEscalation(moved.escalation)).ok) continue; // claimed or moved meanwhile
      if (e.noticeTs) await rt.client.chat.update({ channel: e.channel, ts: e.noticeTs, ...escalationNotice(moved.escalation) });
      await rt.client.chat.postMessage({ channel: e.channel, thread_ts: e.threadTs, text: `Nobody has taken this yet, so I've asked ${mentionOf(next)} instead.` });
      if (moved.escalation.notifiedAt !== undefined) await directMessageSenior(rt.client, moved.escalation, elog);
      reassigned++;
    } catch (err) {
      elog.warn({ err: (err as Error).message }, 'escalation sweep step failed; will retry next pass');
    }
  }
  if (reminded || reassigned || delivered) log.info({ reminded, reassigned, delivered }, 'escalation sweep');
  return { reminded, reassigned, delivered };
}
