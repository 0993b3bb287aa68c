import { slackFixture } from '../support/slack-fixtures';
import { mentionEvent, nextTs } from '../support/signed';
import { CHANNEL, JUNIOR, renderedText, useSlackHarness } from './harness';

/**
 * Payloads as Slack sends them (test/fixtures/slack, from Slack's SDK test suites), adapted only
 * in ids: a mention carried only in rich_text blocks, a thread reply also sent to the channel,
 * and a question typed in the same DM message as an upload.
 */

const fx = useSlackHarness();
let seq = 0;
const eventId = () => `EvFixture${Date.now()}${++seq}`;

const SCHEMA = `CREATE TABLE customers (id INT PRIMARY KEY, last_invoice_id INT REFERENCES invoices (id));
CREATE TABLE invoices (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES customers (id));`;

test('an app_mention whose text is empty and whose mention and question are only in rich_text blocks is answered', async () => {
  const body = slackFixture('app-mention-rich-text');
  const ts = nextTs();
  body.event_id = eventId();
  body.team_id = 'T0001';
  body.authorizations[0].team_id = 'T0001';
  Object.assign(body.event, { channel: CHANNEL, user: JUNIOR, team: 'T0001', ts, event_ts: ts, text: '' });
  const section = body.event.blocks[0].elements[0];
  section.elements[0].user_id = fx.fake.botUserId;
  section.elements.push({ type: 'text', text: ' how do I list shipments?' });
  expect((await fx.h.sendBody(body)).status).toBe(200);
  await fx.h.deskmate.idle();
  const answer = fx.fake.callsTo('chat.update').find((c) => c.args.channel === CHANNEL);
  expect(renderedText(answer!.args)).toMatch(/GET \/shipments/);
  expect(fx.fake.threadPosts(CHANNEL, ts).some((c) => /Ask me a what\/how question/.test(String(c.args.text)))).toBe(false);
});

test('a thread_broadcast follow-up ("also send to channel") in an answered thread is answered like any follow-up', async () => {
  const root = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' });
  await fx.h.sendEvent(root);
  await fx.h.deskmate.idle();
  const before = fx.fake.callsTo('chat.update').length;
  const body = slackFixture('thread-broadcast');
  const ts = nextTs();
  body.event_id = eventId();
  Object.assign(body.event, { channel: CHANNEL, user: JUNIOR, ts, event_ts: ts, thread_ts: root.ts, text: 'and how do I create a shipment?' });
  body.event.root.ts = root.ts;
  body.event.root.thread_ts = root.ts;
  expect((await fx.h.sendBody(body)).status).toBe(200);
  await fx.h.deskmate.idle();
  const followUp = fx.fake.callsTo('chat.update').slice(before);
  expect(followUp).toHaveLength(1);
  expect(renderedText(followUp[0].args)).toMatch(/POST \/shipments|create/i);
  expect((await fx.h.store.recentQuestions(JUNIOR, 1))[0]).toMatchObject({ kind: 'followup', threadTs: root.ts });
});

test('a question typed in the same DM message as an upload is answered, using the uploaded file', async () => {
  const body = slackFixture('file-share');
  const dm = 'DJUNIOR';
  const ts = nextTs();
  const question = 'what order should we migrate these tables?';
  body.event_id = eventId();
  Object.assign(body.event, { channel: dm, channel_type: 'im', user: JUNIOR, ts, event_ts: ts, text: question });
  body.event.blocks[0].elements[0].elements = [{ type: 'text', text: question }];
  Object.assign(body.event.files[0], { name: 'billing.sql', title: 'billing.sql', size: Buffer.byteLength(SCHEMA), url_private_download: fx.fake.hostFile('billing.sql', SCHEMA) });
  expect((await fx.h.sendBody(body)).status).toBe(200);
  await fx.fake.waitFor(() => fx.fake.callsTo('chat.update').find((c) => c.args.channel === dm));
  await fx.h.deskmate.idle();
  const posts = fx.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === dm).map((c) => renderedText(c.args));
  expect(posts.some((p) => /Got \*billing\.sql\*/.test(p))).toBe(true);
  const answer = renderedText(fx.fake.callsTo('chat.update').find((c) => c.args.channel === dm)!.args);
  expect(answer).toMatch(/customers/);
  expect(answer).toMatch(/cycle/i);
});

test('an uploaded file whose name carries Slack markup is named escaped, never as a live mention', async () => {
  const body = slackFixture('file-share');
  const ts = nextTs();
  body.event_id = eventId();
  Object.assign(body.event, { channel: 'DJUNIOR', channel_type: 'im', user: JUNIOR, ts, event_ts: ts, text: '' });
  body.event.blocks = [];
  const name = '<!channel> <https://evil.example|notes>.sql';
  Object.assign(body.event.files[0], { name, title: name, size: Buffer.byteLength(SCHEMA), url_private_download: fx.fake.hostFile('x.sql', SCHEMA) });
  await fx.h.sendBody(body);
  const ack = await fx.fake.waitFor(() => fx.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'DJUNIOR'));
  expect(String(ack.args.text)).toContain('&lt;!channel&gt;');
  expect(String(ack.args.text)).not.toMatch(/<!channel>|<https:/);
});
