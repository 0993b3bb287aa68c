import http from 'node:http';
import type { AddressInfo } from 'node:net';

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

  setDnd(user: string, snoozed: boolean): void {
    this.dnd.set(user, snoozed);
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
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: this.botUserId, bot_id: this.botId, team_id: 'T0001', app_id: 'A0001', user: 'deskmate' };
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
      case 'dnd.info':
        return { ok: true, dnd_enabled: false, snooze_enabled: this.dnd.get(String(args.user)) ?? false };
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

/** Slack's Web API client sends form-encoded bodies with JSON-encoded objects (blocks); JSON also accepted. */
function parseBody(contentType: string, raw: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const looksJson = (value.startsWith('[') || value.startsWith('{')) && (key === 'blocks' || key === 'attachments' || key === 'view');
    out[key] = looksJson ? JSON.parse(value) : value;
  }
  return out;
}
