import { SqliteStore } from '../../src/store/sqlite';
import { mentionEvent } from '../support/signed';
import { CHANNEL, JUNIOR, renderedText, useSlackHarness } from './harness';

/**
 * A process killed between posting "Looking in the docs…" and updating it leaves the question pending
 * with its placeholder's ts stored: the restarted app answers by updating that placeholder, not by
 * posting a second reply.
 */
const fx = useSlackHarness();

test('the placeholder ts is stored with the question before the answer replaces it', async () => {
  const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' });
  await fx.h.sendEvent(event);
  await fx.h.deskmate.idle();
  expect(fx.fake.threadPosts(CHANNEL, String(event.ts))).toHaveLength(1);
  // The answer went out as an update of the placeholder: its ts is the placeholder's.
  const [answer] = fx.fake.callsTo('chat.update').filter((c) => c.args.channel === CHANNEL);
  const placeholderTs = String(answer.args.ts);
  const [stored] = await fx.h.store.recentQuestions(JUNIOR, 1);
  expect(stored).toMatchObject({ status: 'done', placeholderTs, replyTs: placeholderTs });
});

test('after a restart over the same SQLite file, a pending question with a placeholder updates it instead of replying again', async () => {
  await fx.h.stop();
  // What a process killed right after the placeholder post leaves behind: the question pending in the
  // file with the placeholder's ts, and the placeholder in the thread.
  const threadTs = '1800000000.000100';
  const left = SqliteStore.open(fx.dataDir);
  const q = (await left.acceptQuestion({ kind: 'mention', channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?', messageTs: threadTs, threadTs, eventId: 'EvKILLED' }))!;
  const res = await fetch(`${fx.fake.url}chat.postMessage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer xoxb-test' },
    body: JSON.stringify({ channel: CHANNEL, thread_ts: threadTs, text: ':mag: Looking in the docs…' }),
  });
  const placeholderTs = String(((await res.json()) as { ts: string }).ts);
  await left.setPlaceholder(q.id, placeholderTs);
  await left.close();

  const h = await fx.restart();
  await h.deskmate.idle();
  expect(fx.fake.threadPosts(CHANNEL, threadTs)).toHaveLength(1); // only the placeholder from before the kill
  const updates = fx.fake.callsTo('chat.update').filter((c) => c.args.ts === placeholderTs);
  expect(updates).toHaveLength(1);
  expect(renderedText(updates[0].args)).toMatch(/GET \/shipments/);
  expect(await h.store.getQuestion(q.id)).toMatchObject({ status: 'done', replyTs: placeholderTs });
});
