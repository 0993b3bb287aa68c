import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeSlack } from '../support/fake-slack';
import { startFakeOpenAI } from '../support/fake-openai';
import { messageEvent, nextTs } from '../support/signed';
import { ADMIN, buildSampleIndex, JUNIOR, renderedText, startHarness, tempDataDir, type Harness } from './harness';

const DM = 'DJUNIOR';
const ADMIN_DM = 'DADMIN';

// Planted cycle: invoices ↔ customers; orders → customers; order_items → orders (FK column not indexed).
const SCHEMA = `
CREATE TABLE customers (id INT PRIMARY KEY, name TEXT, last_invoice_id INT REFERENCES invoices (id));
CREATE TABLE invoices (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES customers (id));
CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES customers (id));
CREATE TABLE order_items (order_id INT NOT NULL REFERENCES orders (id), sku TEXT NOT NULL);
`;

let indexDir: string;
let fake: FakeSlack;
let h: Harness;
let reindexCalls = 0;
let sourcesDir: string;

beforeAll(async () => {
  indexDir = await buildSampleIndex();
});
beforeEach(async () => {
  fake = await FakeSlack.start();
  reindexCalls = 0;
  sourcesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskmate-sources-'));
  h = await startHarness({ fake, dataDir: tempDataDir(), indexDir, reindex: async () => void reindexCalls++, configExtra: { uploads: { maxBytes: 4096 }, index: { dir: indexDir, sources: [sourcesDir] } } });
});
afterEach(async () => {
  await h.stop();
  await fake.close();
});

function share(channel: string, user: string, name: string, bytes: string | Buffer, size?: number): Record<string, unknown> {
  const url = fake.hostFile(name, bytes);
  return { ...messageEvent({ channel, user, text: '', channel_type: 'im', subtype: 'file_share' }), files: [{ id: `F${nextTs()}`, name, size: size ?? Buffer.byteLength(bytes), url_private_download: url }] };
}

const postsTo = (channel: string) => fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

describe('files shared in a DM', () => {
  test('a SQL file is downloaded with the bot token, acknowledged, and later drives the migration-order review', async () => {
    await h.sendEvent(share(DM, JUNIOR, 'billing.sql', SCHEMA));
    const ack = await fake.waitFor(() => postsTo(DM).find((c) => /billing\.sql/.test(renderedText(c.args))));
    expect(renderedText(ack.args)).toMatch(/4 tables/);
    expect(renderedText(ack.args)).not.toContain('Add to team index'); // not an admin
    expect(fake.downloads).toEqual([expect.objectContaining({ authorized: true })]);

    await h.sendEvent(messageEvent({ channel: DM, user: JUNIOR, text: 'what order should we migrate these tables?', channel_type: 'im' }));
    await h.deskmate.idle();
    const answer = renderedText(fake.callsTo('chat.update').at(-1)!.args);
    expect(answer).toMatch(/customers/);
    expect(answer).toMatch(/invoices/);
    expect(answer).toMatch(/cycle/i);
    expect(answer).toMatch(/order_items/);
    // The uploaded schema is reviewed, not the sample index's tables.
    expect(answer).not.toMatch(/shipments/);
  });

  test('with a review model configured, the uploaded schema review gets the model\'s notes and names the model', async () => {
    await h.stop();
    const llm = await startFakeOpenAI();
    try {
      llm.setChat({ kind: 'reply', content: 'Break the customers/invoices cycle with a deferred constraint.' });
      h = await startHarness({ fake, dataDir: tempDataDir(), indexDir, configExtra: { openai: { baseUrl: llm.baseUrl }, models: { review: { model: 'review-model' } } } });
      await h.sendEvent(share(DM, JUNIOR, 'billing.sql', SCHEMA));
      await fake.waitFor(() => postsTo(DM).find((c) => /billing\.sql/.test(renderedText(c.args))));
      await h.sendEvent(messageEvent({ channel: DM, user: JUNIOR, text: 'are there circular foreign keys in these tables?', channel_type: 'im' }));
      await h.deskmate.idle();
      const answer = renderedText(fake.callsTo('chat.update').at(-1)!.args);
      expect(answer).toMatch(/deferred constraint/);
      expect(answer).toMatch(/Answered by review-model/);
      expect(llm.chatRequests.at(-1)!.messages.map((m) => m.content).join('\n')).toMatch(/invoices/);
    } finally {
      await llm.close();
    }
  });

  test('CSV and OpenAPI YAML uploads are read and acknowledged', async () => {
    await h.sendEvent(share(DM, JUNIOR, 'rates.csv', 'carrier,zone,price\nacme,1,4.50\nacme,2,6.10\n'));
    await h.sendEvent(share(DM, JUNIOR, 'refunds.yaml', 'openapi: 3.0.0\ninfo: { title: Refunds, version: "1" }\npaths:\n  /refunds:\n    post:\n      summary: Create a refund\n      responses: { "201": { description: created } }\n'));
    const csv = await fake.waitFor(() => postsTo(DM).find((c) => /Got \*rates\.csv\*/.test(String(c.args.text))));
    const api = await fake.waitFor(() => postsTo(DM).find((c) => /Got \*refunds\.yaml\*/.test(String(c.args.text))));
    expect(String(csv.args.text)).toMatch(/\d+ sections/);
    expect(String(api.args.text)).toMatch(/\d+ sections/);
  });

  test('an oversize file is refused with the limit, before any download', async () => {
    await h.sendEvent(share(DM, JUNIOR, 'big.sql', 'x', 10_000));
    const msg = await fake.waitFor(() => postsTo(DM).find((c) => /big\.sql/.test(String(c.args.text))));
    expect(String(msg.args.text)).toMatch(/limit is 4 KB/);
    expect(fake.downloads).toHaveLength(0);
  });

  test('a file whose declared size lies is still stopped at the limit after download', async () => {
    await h.sendEvent(share(DM, JUNIOR, 'lying.sql', 'y'.repeat(5000), 100));
    const msg = await fake.waitFor(() => postsTo(DM).find((c) => /lying\.sql/.test(String(c.args.text))));
    expect(String(msg.args.text)).toMatch(/larger than the 4 KB limit/);
  });

  test('unsupported types and non-OpenAPI JSON get a clear error', async () => {
    await h.sendEvent(share(DM, JUNIOR, 'photo.png', Buffer.from([0x89, 0x50])));
    await h.sendEvent(share(DM, JUNIOR, 'settings.json', '{"debug": true}'));
    const png = await fake.waitFor(() => postsTo(DM).find((c) => /photo\.png/.test(String(c.args.text))));
    expect(String(png.args.text)).toMatch(/PDF, CSV, Markdown, OpenAPI .* SQL/);
    const json = await fake.waitFor(() => postsTo(DM).find((c) => /settings\.json/.test(String(c.args.text))));
    expect(String(json.args.text)).toMatch(/not an OpenAPI document/);
  });

  test('uploaded Markdown answers later DM questions as quoted context', async () => {
    await h.sendEvent(share(DM, JUNIOR, 'runbook.md', '# Runbook\n\n## Rotating the frobnicator key\n\nRun `frob rotate --stage blue` and wait for the canary to turn green.\n'));
    await fake.waitFor(() => postsTo(DM).find((c) => /runbook\.md/.test(renderedText(c.args))));
    await h.sendEvent(messageEvent({ channel: DM, user: JUNIOR, text: 'how do I rotate the frobnicator key?', channel_type: 'im' }));
    await h.deskmate.idle();
    const answer = renderedText(fake.callsTo('chat.update').at(-1)!.args);
    expect(answer).toContain('frob rotate --stage blue');
    expect(answer).toContain('upload:runbook.md');
  });

  test('secrets in an upload are redacted before they are kept', async () => {
    await h.sendEvent(share(DM, JUNIOR, 'notes.md', '# Deploy notes\n\nThe deploy bot token is xoxb-1234567890-1234567890123-abcdefghijklmnopqrstuvwx for the rollout.\n'));
    await fake.waitFor(() => postsTo(DM).find((c) => /notes\.md/.test(renderedText(c.args))));
    await h.sendEvent(messageEvent({ channel: DM, user: JUNIOR, text: 'what is the deploy bot token for the rollout?', channel_type: 'im' }));
    await h.deskmate.idle();
    const answer = renderedText(fake.callsTo('chat.update').at(-1)!.args);
    expect(answer).toMatch(/Deploy notes/);
    expect(answer).not.toContain('xoxb-1234567890');
  });

  test('an admin gets "Add to team index", which copies the file into the sources and re-indexes; others are refused', async () => {
    await h.sendEvent(share(ADMIN_DM, ADMIN, 'billing.sql', SCHEMA));
    const ack = await fake.waitFor(() => postsTo(ADMIN_DM).find((c) => /Add to team index/.test(renderedText(c.args))));
    const button = (ack.args.blocks as Array<{ type: string; elements?: Array<{ value: string }> }>).find((b) => b.type === 'actions')!.elements![0];
    await h.click({ actionId: 'upload_add_to_index', value: button.value, user: JUNIOR, channel: ADMIN_DM });
    await fake.waitFor(() => postsTo(ADMIN_DM).find((c) => /Only a Deskmate admin/.test(String(c.args.text))));
    expect(reindexCalls).toBe(0);
    await h.click({ actionId: 'upload_add_to_index', value: button.value, user: ADMIN, channel: ADMIN_DM });
    await fake.waitFor(() => postsTo(ADMIN_DM).find((c) => /now in the team index/.test(String(c.args.text))));
    expect(reindexCalls).toBe(1);
    expect(fs.readFileSync(path.join(sourcesDir, 'billing.sql'), 'utf8')).toBe(SCHEMA);
  });
});
