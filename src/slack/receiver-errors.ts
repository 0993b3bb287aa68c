import type { ReceiverProcessEventErrorHandlerArgs } from '@slack/bolt';
import { childLogger } from '../log.js';
import { isRetryableStoreError } from '../db/retryable.js';

const log = childLogger('slack.receiver');

/**
 * What a signed request that Bolt cannot process gets. Listener errors never reach here (app.error
 * logs them and the event stays acked); what does is a payload Bolt itself chokes on — an envelope
 * whose `event` is a string, an interaction without a type. Those are the caller's fault: 400, not
 * the 500 Bolt sends by default (which would make Slack retry the same bad payload). Failed
 * authorization stays 401. A store that is locked or away is the one listener failure passed on
 * (from app.error) so the request gets 503 and Slack delivers it again. The process keeps serving.
 */
/** Storage that is busy or briefly away is worth Slack's retry: the policy is src/store/retryable.ts. */
export { isRetryableStoreError };

export async function malformedRequestHandler(args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  const { error, response } = args;
  if (response.headersSent) return false;
  if ((error as { code?: string }).code === 'slack_bolt_authorization_error') {
    response.writeHead(401);
    response.end();
    return true;
  }
  if (isRetryableStoreError(error)) {
    // Not stored, so not acked: Slack retries the delivery (dedupe by event id keeps it to one answer).
    log.error({ err: error.message }, 'store unavailable while accepting a request: answered 503 so Slack retries');
    response.writeHead(503);
    response.end();
    return true;
  }
  log.warn({ err: error.message, code: (error as { code?: string }).code }, 'request Bolt could not process: answered 400');
  response.writeHead(400, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ ok: false, error: 'unprocessable_payload' }));
  return true;
}
