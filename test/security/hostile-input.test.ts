import fc from 'fast-check';
import { FakeSlack } from '../support/fake-slack';
import { getOnce, mentionEvent, nextTs, postSigned } from '../support/signed';
import { buildSampleIndex, CHANNEL, JUNIOR, SECRET, startHarness, tempDataDir, type Harness } from '../slack/harness';

/**
 * Property tests: whatever a (correctly signed) caller sends — malformed JSON, missing or mistyped
 * fields, huge fields, odd Unicode — the real HTTP app answers without a 5xx and keeps serving.
 */

let indexDir: string;
let fake: FakeSlack;
let h: Harness;

beforeAll(async () => {
  indexDir = await buildSampleIndex();
  fake = await FakeSlack.start();
  // Payloads no listener acks would otherwise wait out Bolt's 3 s timeout, once per generated case.
  h = await startHarness({ fake, dataDir: tempDataDir(), indexDir, appOptions: { unhandledRequestTimeoutMs: 200 } });
});
afterAll(async () => {
  await h.stop();
  await fake.close();
});

const oddText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e<!channel>', '<!here|here>', '<@U0EVIL>', '\ud800', '🧨'.repeat(3000), 'x'.repeat(60_000), '{"a":', 'Why?'),
);
/** A field value of any type, or the field missing. */
const anyValue = fc.oneof(oddText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(oddText, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), oddText, { maxKeys: 3 }));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const eventArb = fc.record(
  {
    type: fc.oneof(fc.constantFrom('app_mention', 'message', 'app_home_opened', 'reaction_added'), oddText),
    channel: fc.oneof(fc.constantFrom(CHANNEL, 'DHOSTILE', 'CHELP'), anyValue),
    channel_type: fc.oneof(fc.constantFrom('im', 'channel', 'group'), anyValue),
    user: fc.oneof(fc.constantFrom(JUNIOR, 'UADMIN'), anyValue),
    text: fc.oneof(oddText, anyValue),
    ts: fc.oneof(fc.constant(nextTs()), anyValue),
    thread_ts: maybe(fc.oneof(fc.constant(nextTs()), anyValue)),
    subtype: maybe(anyValue),
    bot_id: maybe(anyValue),
    tab: maybe(fc.oneof(fc.constant('home'), anyValue)),
    user_team: maybe(anyValue),
  },
  { requiredKeys: [] },
);

const envelopeArb = fc.record(
  {
    type: fc.oneof(fc.constant('event_callback'), fc.constant('url_verification'), anyValue),
    team_id: fc.oneof(fc.constant('T0001'), anyValue),
    event_id: fc.oneof(fc.string({ minLength: 1, maxLength: 30 }).map((s) => `Ev${s}`), anyValue),
    event: fc.oneof(eventArb, anyValue),
    challenge: maybe(anyValue),
    authorizations: maybe(anyValue),
  },
  { requiredKeys: [] },
);

async function send(raw: string, contentType = 'application/json'): Promise<number> {
  return (await postSigned(h.url, raw, { secret: SECRET, contentType })).status;
}

async function stillServing(): Promise<void> {
  expect((await getOnce(h.url.replace('/slack/events', '/healthz'))).status).toBe(200);
}

// Uninstall events are left out: they stop the app by design (test/security/uninstall.test.ts).
// A body Bolt parses but nobody acks waits for Bolt's 3 s timeout (then 404), hence the long timeouts.
const runs = { numRuns: 30 };
const SLOW = 240_000;

test('arbitrary Events API envelopes never get a 5xx', async () => {
  await fc.assert(
    fc.asyncProperty(envelopeArb, async (envelope) => {
      expect(await send(JSON.stringify(envelope))).toBeLessThan(500);
    }),
    runs,
  );
  await h.deskmate.idle();
  await stillServing();
}, SLOW);

test('malformed and truncated JSON bodies never get a 5xx', async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(oddText, fc.json().map((j) => j.slice(0, Math.max(1, j.length - 1)))), fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain'), async (raw, type) => {
      expect(await send(raw, type)).toBeLessThan(500);
    }),
    runs,
  );
  await stillServing();
}, SLOW);

test('slash commands with missing, huge or odd fields never get a 5xx', async () => {
  // Mostly /deskmate: a command nobody registered is not acked and gets Bolt's 404 after 3 s.
  const fields = fc.dictionary(fc.constantFrom('command', 'text', 'user_id', 'channel_id', 'team_id', 'response_url', 'trigger_id', 'token'), oddText, { maxKeys: 8 });
  await fc.assert(
    fc.asyncProperty(fields, fc.integer({ min: 0, max: 9 }).map((n) => n > 0), async (form, realCommand) => {
      const body = new URLSearchParams({ ...form, ...(realCommand ? { command: '/deskmate' } : {}) });
      expect(await send(body.toString(), 'application/x-www-form-urlencoded')).toBeLessThan(500);
    }),
    { numRuns: 40 },
  );
  await h.deskmate.idle();
  await stillServing();
}, 240_000);

test('interaction payloads with odd shapes and values never get a 5xx', async () => {
  const actionId = fc.oneof(fc.constantFrom('answer_helpful', 'answer_ask_senior', 'escalation_claim', 'escalation_resolve', 'proactive_solved'), oddText);
  const payload = fc.record(
    {
      type: fc.oneof(fc.constantFrom('block_actions', 'view_submission', 'shortcut'), anyValue),
      user: fc.oneof(fc.record({ id: fc.oneof(fc.constant(JUNIOR), anyValue) }), anyValue),
      channel: maybe(fc.oneof(fc.record({ id: fc.oneof(fc.constant(CHANNEL), anyValue) }), anyValue)),
      team: maybe(anyValue),
      actions: fc.oneof(fc.array(fc.record({ type: fc.constant('button'), action_id: actionId, value: fc.oneof(fc.constantFrom('1', '-1', '1e309', 'NaN', '99999999999999999999'), anyValue), block_id: fc.constant('b') }), { maxLength: 2 }), anyValue),
    },
    { requiredKeys: [] },
  );
  await fc.assert(
    fc.asyncProperty(fc.oneof(payload.map((p) => JSON.stringify(p)), oddText), async (json) => {
      expect(await send(new URLSearchParams({ payload: json }).toString(), 'application/x-www-form-urlencoded')).toBeLessThan(500);
    }),
    runs,
  );
  await h.deskmate.idle();
  await stillServing();
}, SLOW);

test('after all of that, a normal mention is still answered', async () => {
  const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' });
  const res = await postSigned(h.url, JSON.stringify({ type: 'event_callback', team_id: 'T0001', event_id: 'EvAfterHostile', event }), { secret: SECRET });
  expect(res.status).toBe(200);
  await h.deskmate.idle();
  expect(fake.threadPosts(CHANNEL, String(event.ts))).toHaveLength(1);
});
