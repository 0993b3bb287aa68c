import net from 'node:net';
import { Asker } from '../../src/knowledge/answer/ask';
import { createDeskmateApp, type DeskmateSlackApp } from '../../src/slack/app';
import { foreignInstallation } from '../../src/slack/installation';
import { SqliteStore } from '../../src/store/sqlite';
import { FakeSlack } from '../support/fake-slack';
import { eventEnvelope, mentionEvent, postSigned, slashCommand } from '../support/signed';
import { buildSampleIndex, CHANNEL, JUNIOR, renderedText, SECRET, tempDataDir, testConfig, useSlackHarness } from '../slack/harness';

/**
 * Access beyond guests: the installation (team, enterprise, app) comes from auth.test, so an envelope
 * that names another one is dropped whatever it claims; and a client that dribbles its request is cut off.
 */
describe('which installation a request is for (pure)', () => {
  const team = { teamId: 'T0001', appId: 'A0001' };
  const grid = { teamId: 'T0001', enterpriseId: 'E0001', appId: 'A0001' };
  const orgWide = { enterpriseId: 'E0001', appId: 'A0001' };
  test.each([
    ['own team and app', { team_id: 'T0001', api_app_id: 'A0001', authorizations: [{ team_id: 'T0001' }] }, team, undefined],
    ['another team in the envelope', { team_id: 'TOTHER', api_app_id: 'A0001' }, team, 'team TOTHER'],
    ['another team only in authorizations', { team_id: 'T0001', authorizations: [{ team_id: 'TOTHER' }] }, team, 'team TOTHER'],
    ['another app', { team_id: 'T0001', api_app_id: 'AOTHER' }, team, 'app AOTHER'],
    ['an interaction from another team', { type: 'block_actions', team: { id: 'TOTHER' }, api_app_id: 'A0001' }, team, 'team TOTHER'],
    ['a sister workspace of the same Grid org', { team_id: 'TSISTER', enterprise_id: 'E0001', authorizations: [{ team_id: 'TSISTER', enterprise_id: 'E0001' }] }, grid, undefined],
    ['another Grid org', { team_id: 'T0001', enterprise_id: 'EOTHER' }, grid, 'enterprise EOTHER'],
    ['any workspace of an org-wide install', { team_id: 'TANY', enterprise_id: 'E0001' }, orgWide, undefined],
    ['a workspace outside an org-wide install', { team_id: 'TANY' }, orgWide, 'team TANY outside enterprise E0001'],
    ['nothing known about the installation', { team_id: 'TOTHER', api_app_id: 'AOTHER' }, {}, undefined],
  ])('%s', (_name, body, identity, expected) => {
    expect(foreignInstallation(body, identity)).toBe(expected);
  });
});

describe('over signed HTTP: the installation is auth.test\'s, not the request\'s', () => {
  const fx = useSlackHarness();
  const answered = () => [...fx.fake.callsTo('chat.update'), ...fx.fake.callsTo('chat.postMessage')].some((c) => renderedText(c.args).includes('*Sources:*'));

  test('an envelope whose team_id, authorizations and user_team all name another workspace is dropped, nothing stored', async () => {
    const event = { ...mentionEvent({ channel: CHANNEL, user: 'UOTHER', text: 'How do I list shipments?' }), user_team: 'TOTHER' };
    const raw = JSON.stringify({ type: 'event_callback', team_id: 'TOTHER', api_app_id: 'A0001', event_id: 'EvOther1', event, authorizations: [{ team_id: 'TOTHER', user_id: 'UDESKBOT', is_bot: true }] });
    expect((await postSigned(fx.h.url, raw, { secret: SECRET })).status).toBe(200);
    await fx.h.deskmate.idle();
    expect(answered()).toBe(false);
    expect(fx.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(await fx.h.store.recentQuestions('UOTHER', 5)).toEqual([]);
    // Never stored: the id is still new to the inbox.
    expect(await fx.h.store.receiveEvent('EvOther1', '{}')).toBe(true);
  });

  test('an envelope for another app id is dropped; the same question for ours is answered', async () => {
    const event = mentionEvent({ channel: CHANNEL, user: JUNIOR, text: 'How do I list shipments?' });
    const other = JSON.parse(eventEnvelope(event, 'EvApp1').raw) as Record<string, unknown>;
    expect((await postSigned(fx.h.url, JSON.stringify({ ...other, api_app_id: 'AOTHER' }), { secret: SECRET })).status).toBe(200);
    await fx.h.deskmate.idle();
    expect(fx.fake.threadPosts(CHANNEL, String(event.ts))).toHaveLength(0);
    expect((await fx.h.sendEvent(event, { eventId: 'EvApp2' })).status).toBe(200);
    await fx.h.deskmate.idle();
    expect(fx.fake.threadPosts(CHANNEL, String(event.ts))).toHaveLength(1);
  });

  test('a slash command from another workspace is acked and ignored', async () => {
    const { raw, contentType } = slashCommand({ text: 'help', user: JUNIOR, channel: CHANNEL });
    const res = await postSigned(fx.h.url, raw.replace('team_id=T0001', 'team_id=TOTHER'), { secret: SECRET, contentType });
    expect(res.status).toBe(200);
    expect(res.body).not.toMatch(/Deskmate/);
  });
});

describe('slow clients are cut off (server timeouts)', () => {
  let fake: FakeSlack;
  let deskmate: DeskmateSlackApp;
  let store: SqliteStore;
  let port: number;
  beforeAll(async () => {
    const indexDir = await buildSampleIndex();
    fake = await FakeSlack.start();
    const config = testConfig(fake, tempDataDir(), indexDir);
    store = SqliteStore.open(config.dataDir);
    deskmate = await createDeskmateApp({ config, asker: await Asker.open(config, indexDir), store, mode: 'http', serverTimeouts: { headersMs: 1000, requestMs: 2000, keepAliveMs: 1000 } });
    ({ port } = await deskmate.start({ port: 0, host: '127.0.0.1' }));
  });
  afterAll(async () => {
    await deskmate.stop();
    await store.close();
    await fake.close();
  });

  /** Opens a socket, writes `head`, then one `drip` every 100 ms until the server closes it; resolves with what it answered. */
  function dribble(head: string, drip: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      let answer = '';
      let timer: NodeJS.Timeout | undefined;
      socket.on('connect', () => {
        socket.write(head);
        timer = setInterval(() => socket.write(drip), 100);
      });
      socket.on('data', (d) => (answer += d.toString('utf8')));
      socket.on('error', () => undefined); // a reset after the server gave up is still a close
      socket.on('close', () => {
        clearInterval(timer);
        resolve(answer);
      });
      socket.on('timeout', () => reject(new Error('no close')));
    });
  }

  test('headers sent one byte at a time: the connection is closed with 408', async () => {
    const answer = await dribble('POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', 'a');
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  }, 20_000);

  test('a body that never finishes: the connection is closed with 408', async () => {
    const head = 'POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{';
    const answer = await dribble(head, ' ');
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  }, 20_000);

  test('an idle keep-alive connection is closed after its request was answered', async () => {
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n'));
      let data = '';
      socket.on('data', (d) => (data += d.toString('utf8')));
      socket.on('close', () => resolve(data));
    });
    expect(answer).toMatch(/^HTTP\/1.1 200/);
  }, 20_000);
});
