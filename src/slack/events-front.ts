import crypto from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HTTPReceiver, type HTTPReceiverOptions } from '@slack/bolt';
import { childLogger } from '../log.js';
import type { DeskmateStore } from '../store/types.js';
import { isRetryableStoreError } from '../db/retryable.js';
import { foreignInstallation, type InstallationIdentity } from './installation-identity.js';
import type { EventHandoff } from './event-handoff.js';

const log = childLogger('slack.front');

/** Slack signs with the request time; more than this either side of ours is a replay or a forgery. */
const MAX_SKEW_SEC = 5 * 60;
/** Bolt's own default body limit (10 MB): nothing Slack sends comes near it. */
const BODY_LIMIT = 10 * 1024 * 1024;
export const EVENTS_PATH = '/slack/events';

export interface EventsFrontOptions extends HTTPReceiverOptions {
  signingSecret: string;
  store: DeskmateStore;
  handoff: EventHandoff;
  /** Read at request time: auth.test fills it in before the server starts. */
  identity: () => InstallationIdentity;
  now?: () => number;
}

type Verdict = { ok: true } | { ok: false; why: string };

/** Timestamp window (both directions) and v0 HMAC, compared in constant time. Pure but for `nowMs`. */
function verifySlackSignature(secret: string, headers: IncomingMessage['headers'], raw: Buffer, nowMs: number): Verdict {
  const tsHeader = headers['x-slack-request-timestamp'];
  const sig = headers['x-slack-signature'];
  if (typeof tsHeader !== 'string' || typeof sig !== 'string') return { ok: false, why: 'missing signature headers' };
  const ts = Number(tsHeader);
  if (!Number.isInteger(ts)) return { ok: false, why: 'malformed timestamp' };
  const skew = ts - Math.floor(nowMs / 1000);
  if (skew > MAX_SKEW_SEC) return { ok: false, why: `timestamp ${skew} s in the future` };
  if (skew < -MAX_SKEW_SEC) return { ok: false, why: `timestamp ${-skew} s old` };
  const expected = Buffer.from(`v0=${crypto.createHmac('sha256', secret).update(`v0:${ts}:`).update(raw).digest('hex')}`);
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, why: 'signature mismatch' };
  return { ok: true };
}

/** An Events API delivery the front can take on its own: a callback with an id and an event object. */
function eventCallback(body: unknown): { eventId: string } | undefined {
  const b = body as { type?: unknown; event_id?: unknown; event?: unknown } | null;
  if (!b || typeof b !== 'object' || b.type !== 'event_callback') return undefined;
  if (typeof b.event_id !== 'string' || !b.event_id || b.event_id.length > 200) return undefined;
  const e = b.event as { type?: unknown } | null;
  if (!e || typeof e !== 'object' || Array.isArray(e) || typeof e.type !== 'string') return undefined;
  return { eventId: b.event_id };
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too_large');
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body?: string): void {
  if (res.headersSent) return;
  res.writeHead(status, body ? { 'content-type': 'application/json' } : {});
  res.end(body);
}

/**
 * The HTTP receiver with a thin front for the Events API. An event delivery is verified (signature
 * and a ±5 min timestamp window), checked against the installation, stored in the inbox under its
 * event id (a retry finds it there and is a duplicate) and answered 200 — before any Bolt middleware
 * runs; the stored envelope then goes to Bolt through the handoff. Interactivity, slash commands,
 * url_verification, ssl_check and anything the front does not recognise keep Bolt's own path (with
 * the body already read, and future timestamps refused first).
 */
export class EventsFrontReceiver extends HTTPReceiver {
  private readonly boltListener: RequestListener;

  constructor(private readonly front: EventsFrontOptions) {
    super(front);
    this.boltListener = this.requestListener;
    this.requestListener = (req, res) => {
      if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== EVENTS_PATH) return this.boltListener(req, res);
      this.frontRequest(req, res).catch((err) => {
        log.error({ err: (err as Error).message }, 'events front failed on a request');
        reply(res, 500);
      });
    };
  }

  private async frontRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    if (raw === 'too_large') return reply(res, 413);
    const nowMs = (this.front.now ?? Date.now)();
    const isJson = (req.headers['content-type'] ?? '').split(';')[0].trim() === 'application/json';
    if (!isJson) return this.toBolt(req, res, raw, nowMs);
    const verdict = verifySlackSignature(this.front.signingSecret, req.headers, raw, nowMs);
    if (!verdict.ok) {
      log.warn({ why: verdict.why }, 'request refused: not signed by Slack within the time window');
      return reply(res, 401);
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return reply(res, 400, JSON.stringify({ ok: false, error: 'malformed_json' }));
    }
    const callback = eventCallback(body);
    if (!callback) return this.toBolt(req, res, raw, nowMs);
    const foreign = foreignInstallation(body, this.front.identity());
    if (foreign) {
      // Acked so Slack does not retry it; never stored, never answered.
      log.warn({ eventId: callback.eventId, foreign }, 'event for another installation dropped');
      return reply(res, 200);
    }
    let fresh: boolean;
    try {
      fresh = await this.front.store.receiveEvent(callback.eventId, raw.toString('utf8'));
    } catch (err) {
      if (!isRetryableStoreError(err)) throw err;
      // Not stored, so not acked: Slack retries the delivery.
      log.error({ eventId: callback.eventId, err: (err as Error).message }, 'store unavailable while receiving an event: answered 503 so Slack retries');
      return reply(res, 503);
    }
    reply(res, 200);
    if (!fresh) {
      log.info({ eventId: callback.eventId, retry: req.headers['x-slack-retry-num'] }, 'duplicate delivery ignored');
      return;
    }
    this.front.handoff.push({ eventId: callback.eventId, body: body as Record<string, unknown>, retryNum: Number(req.headers['x-slack-retry-num']) || undefined });
  }

  /** Bolt's path, with the body already buffered (Bolt uses `rawBody` when present). */
  private toBolt(req: IncomingMessage, res: ServerResponse, raw: Buffer, nowMs: number): void {
    const ts = Number(req.headers['x-slack-request-timestamp']);
    // Bolt refuses stale timestamps but not future ones.
    if (Number.isFinite(ts) && ts - Math.floor(nowMs / 1000) > MAX_SKEW_SEC) {
      log.warn({ skew: ts - Math.floor(nowMs / 1000) }, 'request refused: timestamp in the future');
      reply(res, 401);
      return;
    }
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
    this.boltListener(req, res);
  }
}
