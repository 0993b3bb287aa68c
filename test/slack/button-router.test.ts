import { CHANNEL, JUNIOR, useSlackHarness } from './harness';

const fx = useSlackHarness();

test('one Bolt listener routes every button (Bolt runs each listener per request, so fewer is faster)', () => {
  const listeners = (fx.h.deskmate.app as unknown as { listeners: unknown[] }).listeners;
  // 6 events, 4 commands, 1 shortcut, 1 view, 1 button router.
  expect(listeners.length).toBeLessThanOrEqual(13);
});

test('a button whose action is unknown (an old message) is acked and does nothing', async () => {
  const res = await fx.h.click({ actionId: 'retired_action', value: '1', user: JUNIOR, channel: CHANNEL });
  expect(res.status).toBe(200);
  await fx.h.deskmate.idle();
  expect(fx.fake.callsTo('chat.postMessage')).toHaveLength(0);
  expect(fx.fake.callsTo('chat.postEphemeral')).toHaveLength(0);
  expect(fx.fake.privateReplies(JUNIOR)).toHaveLength(0);
});
