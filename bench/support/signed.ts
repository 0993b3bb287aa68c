import crypto from 'node:crypto';
import http from 'node:http';

/** One keep-alive agent for all test traffic: predictable sockets, unlike fetch's pool under bursts. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

/**
 * Builders for requests shaped like Slack's documented Events API, interactivity and slash-command
 * payloads, signed the way Slack signs them: v0=HMAC-SHA256(secret, `v0:${timestamp}:${rawBody}`).
 */

export interface SignedResponse {
  status: number;
  body: string;
  ms: number;
}

export interface SendOptions {
  secret: string;
  contentType?: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  retryNum?: number;
  /** Sign with a different secret to simulate a forged request. */
  signWith?: string;
  /** Give up like Slack does (3 s): the response is `{ status: 0 }`, the server may still finish. */
  timeoutMs?: number;
}

export function signature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${crypto.createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export async function postSigned(url: string, rawBody: string, options: SendOptions): Promise<SignedResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/json',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature(options.signWith ?? options.secret, timestamp, rawBody),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const started = performance.now();
  return new Promise<SignedResponse>((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(rawBody)) }, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', (err) => (req.destroyed && timedOut ? resolve({ status: 0, body: '', ms: performance.now() - started }) : reject(err)));
    let timedOut = false;
    if (options.timeoutMs !== undefined)
      req.setTimeout(options.timeoutMs, () => {
        timedOut = true;
        req.destroy();
      });
    req.end(rawBody);
  });
}

/** A plain GET through the same keep-alive agent (health checks; warming connections in benches). */
export function getOnce(url: string): Promise<SignedResponse> {
  const started = performance.now();
  return new Promise<SignedResponse>((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      })
      .on('error', reject);
  });
}

let eventSeq = 0;

/** An Events API envelope (event_callback) around one event. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${Date.now()}${++eventSeq}`): { raw: string; eventId: string } {
  const raw = JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T0001',
    api_app_id: 'A0001',
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0001', user_id: 'UDESKBOT', is_bot: true }],
  });
  return { raw, eventId };
}

let tsSeq = 0;
/** A fresh Slack-style message ts. */
export function nextTs(): string {
  tsSeq++;
  return `${1800000000 + tsSeq}.${String(tsSeq).padStart(6, '0')}`;
}

export function mentionEvent(input: { channel: string; user: string; text: string; ts?: string; thread_ts?: string; botUserId?: string }): Record<string, unknown> {
  const ts = input.ts ?? nextTs();
  return { type: 'app_mention', channel: input.channel, user: input.user, text: `<@${input.botUserId ?? 'UDESKBOT'}> ${input.text}`, ts, ...(input.thread_ts ? { thread_ts: input.thread_ts } : {}) };
}

export function messageEvent(input: { channel: string; user: string; text: string; channel_type?: 'channel' | 'im' | 'group'; ts?: string; thread_ts?: string; subtype?: string; bot_id?: string }): Record<string, unknown> {
  const { channel_type = 'channel', ts = nextTs(), ...rest } = input;
  return { type: 'message', channel_type, ts, ...rest };
}

/** Interactivity: a block_actions payload for one button click, form-encoded as Slack sends it. */
export function buttonClick(input: { actionId: string; value: string; user: string; channel: string; messageTs?: string; responseUrl?: string }): { raw: string; contentType: string } {
  const payload = {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'example' },
    user: { id: input.user, username: input.user, team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: input.messageTs ?? '1.000001', channel_id: input.channel, is_ephemeral: false },
    trigger_id: '123.456.abc',
    channel: { id: input.channel, name: 'general' },
    message: { type: 'message', ts: input.messageTs ?? '1.000001', text: '' },
    response_url: input.responseUrl ?? 'https://hooks.slack.invalid/actions/T0001/1/abc',
    actions: [{ type: 'button', action_id: input.actionId, block_id: 'b1', value: input.value, text: { type: 'plain_text', text: 'x' }, action_ts: String(Date.now() / 1000) }],
  };
  return { raw: `payload=${encodeURIComponent(JSON.stringify(payload))}`, contentType: 'application/x-www-form-urlencoded' };
}

export function slashCommand(input: { text: string; user: string; channel: string; command?: string; responseUrl?: string }): { raw: string; contentType: string } {
  const fields = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0001',
    team_domain: 'example',
    channel_id: input.channel,
    channel_name: 'general',
    user_id: input.user,
    user_name: input.user,
    command: input.command ?? '/deskmate',
    text: input.text,
    api_app_id: 'A0001',
    response_url: input.responseUrl ?? 'https://hooks.slack.invalid/commands/T0001/1/abc',
    trigger_id: '123.456.abc',
  });
  return { raw: fields.toString(), contentType: 'application/x-www-form-urlencoded' };
}
