/**
 * Interactivity payloads beyond a plain button click, shaped like Slack's documented ones and
 * form-encoded as Slack sends them: a click on an ephemeral message (with its response_url), a
 * message shortcut, and a modal's view_submission. Sign them with postSigned from ./signed.
 */

function form(payload: unknown): { raw: string; contentType: string } {
  return { raw: `payload=${encodeURIComponent(JSON.stringify(payload))}`, contentType: 'application/x-www-form-urlencoded' };
}

const team = { id: 'T0001', domain: 'example' };

export function ephemeralButtonClick(input: { actionId: string; value: string; user: string; channel: string; responseUrl: string; triggerId?: string }): { raw: string; contentType: string } {
  return form({
    type: 'block_actions',
    team,
    user: { id: input.user, username: input.user, team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1.000002', channel_id: input.channel, is_ephemeral: true },
    trigger_id: input.triggerId ?? '123.456.edit',
    channel: { id: input.channel, name: 'general' },
    response_url: input.responseUrl,
    actions: [{ type: 'button', action_id: input.actionId, block_id: 'copy_draft_actions', value: input.value, text: { type: 'plain_text', text: 'x' }, action_ts: String(Date.now() / 1000) }],
  });
}

export function messageShortcut(input: { callbackId: string; user: string; channel: string; text: string; responseUrl: string; messageTs?: string }): { raw: string; contentType: string } {
  return form({
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: String(Date.now() / 1000),
    team,
    user: { id: input.user, name: input.user, team_id: 'T0001' },
    channel: { id: input.channel, name: 'general' },
    callback_id: input.callbackId,
    trigger_id: '123.456.shortcut',
    message_ts: input.messageTs ?? '1.000003',
    message: { type: 'message', user: 'UAUTHOR', ts: input.messageTs ?? '1.000003', text: input.text },
    response_url: input.responseUrl,
  });
}

/** A modal submitted with plain-text inputs: `values` maps block id → text (action id `value`). */
export function viewSubmission(input: { callbackId: string; user: string; privateMetadata: string; values: Record<string, string> }): { raw: string; contentType: string } {
  const state: Record<string, Record<string, { type: string; value: string }>> = {};
  for (const [block, value] of Object.entries(input.values)) state[block] = { value: { type: 'plain_text_input', value } };
  return form({
    type: 'view_submission',
    team,
    user: { id: input.user, username: input.user, team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    trigger_id: '123.456.submit',
    view: {
      id: 'VEDIT1',
      team_id: 'T0001',
      type: 'modal',
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata,
      state: { values: state },
      hash: '1.abc',
      title: { type: 'plain_text', text: 'Edit release copy' },
      blocks: [],
      app_id: 'A0001',
      bot_id: 'BDESKBOT',
    },
    response_urls: [],
  });
}
