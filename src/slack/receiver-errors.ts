import type { ReceiverProcessEventErrorHandlerArgs } from '@slack/bolt';
import { childLogger } from '../log.js';

const log = childLogger('slack.receiver');

/**
 * What a signed request that Bolt cannot process gets. Listener errors never reach here (app.error
 * logs them and the event stays acked); what does is a payload Bolt itself chokes on — an envelope
 * whose `event` is a string, an interaction without a type. Those are the caller's fault: 400, not
 * the 500 Bolt sends by default (which would make Slack retry the same bad payload). Failed
 * authorization stays 401. The process keeps serving either way.
 */
export async function malformedRequestHandler(args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  const { error, response } = args;
  if (response.headersSent) return false;
  if ((error as { code?: string }).code === 'slack_bolt_authorization_error') {
    response.writeHead(401);
    response.end();
    return true;
  }
  log.warn({ err: error.message, code: (error as { code?: string }).code }, 'request Bolt could not process: answered 400');
  response.writeHead(400, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ ok: false, error: 'unprocessable_payload' }));
  return true;
}
