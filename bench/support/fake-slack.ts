import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { blockProblem, parseBody } from './fake-slack-wire.js';

/**
 * A loopback fake of the Slack Web API: answers the methods Deskmate calls with Slack-shaped
 * responses and records every call (method and arguments; tokens are never kept). Messages posted
 * through it are kept per channel so conversations.replies returns a real-looking thread.
 */

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
}

export interface FakeMessage {
  ts: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  text: string;
  blocks?: unknown[];
}

export type HttpFault = { status: number; retryAfter?: number } | 'reset';

export class FakeSlack {
  readonly calls: SlackCall[] = [];
  /** What auth.test says the app is installed as (an Enterprise Grid install adds enterprise_id). */
  installation: { team_id: string; app_id: string; enterprise_id?: string } = { team_id: 'T0001', app_id: 'A0001' };
  private readonly channels = new Map<string, FakeMessage[]>();
  private readonly failures = new Map<string, string>();
  private readonly dnd = new Map<string, boolean>();
  private readonly httpFaults = new Map<string, Array<HttpFault>>();
  /** Requests refused by an injected HTTP fault (never delivered): method and when. */
  readonly faulted: Array<{ method: string; fault: string; at: number }> = [];
  /** users.info answers per user (guests: is_restricted / is_ultra_restricted). */
  readonly userProfiles = new Map<string, Record<string, unknown>>();
  /** files.uploadV2 step 2: bytes POSTed to an upload_url this fake handed out, by file id. */
  readonly uploadedBytes = new Map<string, Buffer>();
  /** files.uploadV2 step 3: uploads completed into a channel, with the bytes received for them. */
  readonly completedUploads: Array<{ fileId: string; channel?: string; title?: string; filename?: string; bytes?: Buffer }> = [];
  private readonly uploadNames = new Map<string, string>();
  /** Channels the bot cannot post in, with the error Slack gives (not_in_channel, channel_not_found). */
  private readonly closedChannels = new Map<string, string>();
  /** response_url → who it was minted for, and how many times it was used (Slack allows 5 in 30 min). */
  private readonly responseUrls = new Map<string, { user?: string; channel?: string; uses: number }>();
  /** The bot's own user id for dnd.info: Slack returns snooze_* only for the token's own user. */
  private readonly dndSchedule = new Map<string, { start: number; end: number }>();
  readonly presence = new Map<string, 'active' | 'away'>();
  private seq = 0;
  private waiters: Array<() => void> = [];

  private constructor(
    private readonly server: http.Server,
    readonly botUserId: string,
    readonly botId: string,
  ) {}

  static async start(options: { botUserId?: string; botId?: string } = {}): Promise<FakeSlack> {
    let fake: FakeSlack | undefined;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if ((req.url ?? '').startsWith('/upload/')) return void fake!.acceptUpload(req.url!, String(req.headers['content-type'] ?? ''), Buffer.concat(chunks), res);
        // Shared files (url_private_download): served only with a bot token, as Slack does.
        if ((req.url ?? '').startsWith('/files/')) return fake!.serveFile(req, res);
        const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
        if (method.startsWith('response/')) return fake!.respondUrl(method, Buffer.concat(chunks).toString('utf8'), res);
        const fault = fake!.takeHttpFault(method);
        if (fault === 'reset') return req.socket.destroy();
        if (fault) {
          res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {}) });
          return res.end(JSON.stringify({ ok: false, error: fault.status === 429 ? 'ratelimited' : 'internal_error' }));
        }
        const body = fake!.respond(method, parseBody(req.headers['content-type'] ?? '', Buffer.concat(chunks).toString('utf8')));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeSlack(server, options.botUserId ?? 'UDESKBOT', options.botId ?? 'BDESKBOT');
    return fake;
  }

  /** Base URL with the trailing /api/, as Slack's own default. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  private readonly files = new Map<string, Buffer>();
  /** File downloads: the path and whether a bearer token came with it (the token itself is not kept). */
  readonly downloads: Array<{ path: string; authorized: boolean }> = [];

  /** Hosts bytes as a private file; returns its url_private_download. */
  hostFile(name: string, bytes: Buffer | string): string {
    const path = `/files/F${++this.seq}/${encodeURIComponent(name)}`;
    this.files.set(path, Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes));
    return `${this.url.replace(/\/api\/$/, '')}${path}`;
  }

  /** @internal the request handler's hook */
  serveFile(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = (req.url ?? '').split('?')[0];
    const authorized = /^Bearer xox[bp]-/.test(String(req.headers.authorization ?? ''));
    this.downloads.push({ path, authorized });
    const bytes = this.files.get(path);
    // Slack answers an unauthenticated download with its HTML login page, not a 401.
    if (!authorized) return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>');
    if (!bytes) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
  }

  /**
   * The bot is not a member of `channel` (or cannot see it: a private channel, a DM between people):
   * chat.postMessage, chat.postEphemeral and chat.update there fail as real Slack fails them.
   */
  closeChannel(channel: string, error: 'not_in_channel' | 'channel_not_found' = 'not_in_channel'): void {
    this.closedChannels.set(channel, error);
  }

  /** A response_url for a slash command, shortcut or button click made by `user` in `channel`. */
  responseUrl(to: { user?: string; channel?: string } = {}): string {
    const id = `response/R${++this.seq}`;
    this.responseUrls.set(id, { ...to, uses: 0 });
    return `${this.url}${id}`;
  }

  /** @internal the response_url handler: JSON in, `ok` out; unknown or used-up URLs get 404 as Slack does. */
  respondUrl(method: string, raw: string, res: http.ServerResponse): void {
    const minted = this.responseUrls.get(method);
    let args: Record<string, unknown> = {};
    try {
      args = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return void res.writeHead(400).end('invalid_payload');
    }
    if (minted) {
      if (++minted.uses > 5) return void res.writeHead(404).end('used_url');
      args = { ...args, user: minted.user, channel: minted.channel };
    }
    const problem = blockProblem(args.blocks);
    this.calls.push({ method, args, at: Date.now() });
    for (const w of this.waiters.splice(0)) w();
    if (problem) return void res.writeHead(400).end('invalid_blocks');
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  }

  /** What `user` was shown privately: chat.postEphemeral calls and ephemeral response_url replies. */
  privateReplies(user: string): SlackCall[] {
    return this.calls.filter((c) => c.args.user === user && (c.method === 'chat.postEphemeral' || (c.method.startsWith('response/') && c.args.response_type !== 'in_channel')));
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Calls posting into a thread (chat.postMessage with that thread_ts). */
  threadPosts(channel: string, threadTs: string): SlackCall[] {
    return this.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && c.args.thread_ts === threadTs);
  }

  /** A human message, visible to conversations.replies. Returns its ts. */
  seedMessage(channel: string, message: Omit<FakeMessage, 'ts'> & { ts?: string }): string {
    const ts = message.ts ?? this.nextTs();
    this.messages(channel).push({ ...message, ts });
    return ts;
  }

  failNext(method: string, error = 'internal_error'): void {
    this.failures.set(method, error);
  }

  /**
   * Transport-level trouble for the next `times` calls to `method`: an HTTP status (429 with a
   * Retry-After in seconds, or a 5xx) or a connection reset. Faulted calls are not delivered.
   */
  failHttp(method: string, fault: HttpFault, times = 1): void {
    const list = this.httpFaults.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.httpFaults.set(method, list);
  }

  /** @internal the request handler's hook */
  takeHttpFault(method: string): HttpFault | undefined {
    const fault = this.httpFaults.get(method)?.shift();
    if (fault) this.faulted.push({ method, fault: fault === 'reset' ? 'reset' : String(fault.status), at: Date.now() });
    return fault;
  }

  /** @internal the upload_url handler: keeps the file's bytes (raw body, or the file part of a multipart form as the WebClient sends it). */
  async acceptUpload(url: string, contentType: string, body: Buffer, res: http.ServerResponse): Promise<void> {
    const fileId = url.split('/')[2]?.split('?')[0] ?? '';
    if (!this.uploadNames.has(fileId)) {
      res.writeHead(404);
      return void res.end('unknown upload');
    }
    let bytes = body;
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Request('http://fake.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) }).formData();
      const part = [...form.values()].find((v): v is File => typeof v !== 'string');
      bytes = part ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
    }
    this.uploadedBytes.set(fileId, bytes);
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`OK - ${bytes.length}`);
  }

  /** A manual snooze ("pause notifications"): visible through dnd.info only to the user's own token. */
  setDnd(user: string, snoozed: boolean): void {
    this.dnd.set(user, snoozed);
  }

  /** Scheduled do-not-disturb (Preferences → Notifications), which dnd.info shows for anyone. */
  setDndSchedule(user: string, startSec: number, endSec: number): void {
    this.dndSchedule.set(user, { start: startSec, end: endSec });
  }

  /** Scheduled do-not-disturb for `user` for the next `hours`, starting a minute ago. */
  dndNowFor(user: string, hours = 6): void {
    const now = Math.floor(Date.now() / 1000);
    this.setDndSchedule(user, now - 60, now + hours * 3600);
  }

  clearDndSchedule(user: string): void {
    this.dndSchedule.delete(user);
  }

  /** Waits until `predicate` holds over the recorded calls (re-checked after every call). */
  async waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`FakeSlack.waitFor timed out; calls so far: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private nextTs(): string {
    this.seq++;
    return `${1700000000 + this.seq}.${String(this.seq).padStart(6, '0')}`;
  }

  private messages(channel: string): FakeMessage[] {
    let list = this.channels.get(channel);
    if (!list) this.channels.set(channel, (list = []));
    return list;
  }

  private respond(method: string, args: Record<string, unknown>): Record<string, unknown> {
    delete args.token;
    this.calls.push({ method, args, at: Date.now() });
    for (const w of this.waiters.splice(0)) w();
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      return { ok: false, error: failure };
    }
    const channel = String(args.channel ?? '');
    if (['chat.postMessage', 'chat.postEphemeral', 'chat.update'].includes(method)) {
      const closed = this.closedChannels.get(channel);
      if (closed) return { ok: false, error: closed };
      const problem = blockProblem(args.blocks);
      if (problem) return { ok: false, error: 'invalid_blocks', errors: [problem] };
    }
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: this.botUserId, bot_id: this.botId, ...this.installation, user: 'deskmate' };
      case 'chat.postMessage': {
        const ts = this.nextTs();
        const message: FakeMessage = { ts, thread_ts: args.thread_ts as string | undefined, bot_id: this.botId, user: this.botUserId, text: String(args.text ?? ''), blocks: args.blocks as unknown[] };
        this.messages(channel).push(message);
        return { ok: true, channel, ts, message };
      }
      case 'chat.update': {
        const found = this.messages(channel).find((m) => m.ts === args.ts);
        if (!found) return { ok: false, error: 'message_not_found' };
        found.text = String(args.text ?? found.text);
        found.blocks = args.blocks as unknown[];
        return { ok: true, channel, ts: args.ts, text: found.text };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.getPermalink':
        return { ok: true, channel, permalink: `https://example.slack.com/archives/${channel}/p${String(args.message_ts).replace('.', '')}` };
      case 'conversations.replies': {
        const ts = String(args.ts);
        const thread = this.messages(channel).filter((m) => m.ts === ts || m.thread_ts === ts).sort((a, b) => Number(a.ts) - Number(b.ts));
        return { ok: true, messages: thread, has_more: false };
      }
      case 'dnd.info': {
        // Slack's documented behaviour: snooze_* only when `user` is the token's own user (or absent).
        const user = String(args.user ?? this.botUserId);
        const schedule = this.dndSchedule.get(user);
        const own = user === this.botUserId ? { snooze_enabled: this.dnd.get(user) ?? false } : {};
        return { ok: true, dnd_enabled: Boolean(schedule), next_dnd_start_ts: schedule?.start ?? 1, next_dnd_end_ts: schedule?.end ?? 1, ...own };
      }
      case 'users.getPresence':
        return { ok: true, presence: this.presence.get(String(args.user)) ?? 'active' };
      case 'users.info':
        return { ok: true, user: { id: args.user, tz: 'UTC', is_bot: false, is_restricted: false, is_ultra_restricted: false, ...this.userProfiles.get(String(args.user)) } };
      case 'files.getUploadURLExternal': {
        const fileId = `F${String(++this.seq).padStart(8, '0')}`;
        this.uploadNames.set(fileId, String(args.filename ?? ''));
        return { ok: true, file_id: fileId, upload_url: `${this.url.replace(/\/api\/$/, '')}/upload/${fileId}` };
      }
      case 'files.completeUploadExternal': {
        const files = (typeof args.files === 'string' ? JSON.parse(args.files) : args.files) as Array<{ id: string; title?: string }>;
        for (const f of files) this.completedUploads.push({ fileId: f.id, title: f.title, channel: args.channel_id as string | undefined, filename: this.uploadNames.get(f.id), bytes: this.uploadedBytes.get(f.id) });
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      case 'assistant.threads.setStatus':
      case 'assistant.threads.setSuggestedPrompts':
      case 'assistant.threads.setTitle':
        // Slack requires the thread's DM channel and thread_ts on each (channel_id, thread_ts).
        return args.channel_id && args.thread_ts ? { ok: true } : { ok: false, error: 'invalid_arguments' };
      case 'reactions.add':
      case 'reactions.remove':
      case 'views.publish':
        return { ok: true };
      case 'views.open':
      case 'views.update':
        return { ok: true, view: { id: `V${this.nextTs().replace('.', '')}`, ...(args.view as Record<string, unknown>) } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
