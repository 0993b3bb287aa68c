import { DeskmateError, ErrorCode, userMessageOf } from '../../errors.js';
import { childLogger } from '../../log.js';
import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn } from '../blocks/escape.js';
import { checkedMessage } from '../blocks/validate.js';
import type { SlackRuntime } from '../runtime.js';
import { uploadsFor } from './dm-uploads.js';
import { formatBytes, loadUpload, uploadProblem } from './load-upload.js';

const log = childLogger('slack.uploads');
export const ADD_TO_INDEX_ACTION = 'upload_add_to_index';

export interface SharedFile {
  id?: string;
  name?: string;
  title?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
}

/** The bot token only ever goes to Slack's own file hosts (or the configured Slack API host in tests and proxies). */
function mayCarryToken(url: string, apiUrl?: string): boolean {
  try {
    const u = new URL(url);
    if (apiUrl && u.host === new URL(apiUrl).host) return true;
    return u.protocol === 'https:' && (u.hostname === 'files.slack.com' || u.hostname.endsWith('.slack.com'));
  } catch {
    return false;
  }
}

async function download(rt: SlackRuntime, url: string, maxBytes: number): Promise<Buffer> {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${rt.deps.config.slack.botToken}` }, redirect: 'follow' });
  if (!res.ok) throw new DeskmateError(ErrorCode.SlackFailed, `Slack did not hand me the file (HTTP ${res.status}). Try sharing it again.`);
  // Without files:read Slack serves its login page instead of the file.
  if ((res.headers.get('content-type') ?? '').startsWith('text/html')) throw new DeskmateError(ErrorCode.SlackFailed, 'Slack would not let me download the file: the app needs the files:read scope.');
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length > maxBytes) throw new DeskmateError(ErrorCode.InputTooLarge, `The file is larger than the ${formatBytes(maxBytes)} limit. Share a smaller file or an excerpt.`);
  return bytes;
}

/** Reads each file shared in a DM, keeps it as context for that DM, and tells the user what was read. */
export async function receiveDmFiles(rt: SlackRuntime, e: { channel: string; user: string; ts: string; files: SharedFile[] }): Promise<void> {
  const maxBytes = rt.deps.config.uploads.maxBytes;
  for (const file of e.files) {
    const name = file.name ?? file.title ?? 'file';
    // A file name is chosen by whoever shared it: escaped, so `<!channel>.sql` notifies nobody.
    const shown = escapeMrkdwn(name);
    const say = (text: string, blocks?: KnownBlock[]) => rt.client.chat.postMessage(checkedMessage({ channel: e.channel, text, ...(blocks ? { blocks } : {}) }));
    const problem = uploadProblem(name, file.size, maxBytes);
    if (problem) {
      await say(problem);
      continue;
    }
    const url = file.url_private_download ?? file.url_private;
    if (!url || !mayCarryToken(url, rt.deps.config.slack.apiUrl)) {
      log.warn({ fileId: file.id }, 'shared file has no Slack download URL');
      await say(`I could not download *${shown}* from Slack. Try sharing it again.`);
      continue;
    }
    try {
      const bytes = await download(rt, url, maxBytes);
      const loaded = await loadUpload(name, bytes);
      const upload = uploadsFor(rt.deps).add({ channel: e.channel, user: e.user, name, bytes, chunks: loaded.chunks, tables: loaded.tables });
      const what = loaded.tables.length ? `${loaded.tables.length} tables` : `${loaded.chunks.length} sections`;
      const text = `Got *${shown}* (${what}, sanitized). Ask me about it here; I will use it as context in this conversation.`;
      log.info({ fileId: file.id, chunks: loaded.chunks.length, tables: loaded.tables.length, bytes: bytes.length }, 'DM upload read');
      if (!rt.roles.isAdmin(e.user)) {
        await say(text);
        continue;
      }
      await say(text, [
        { type: 'section', text: { type: 'mrkdwn', text } },
        { type: 'actions', elements: [{ type: 'button', action_id: ADD_TO_INDEX_ACTION, text: { type: 'plain_text', text: 'Add to team index' }, value: upload.id }] },
      ]);
    } catch (err) {
      log.warn({ fileId: file.id, err: (err as Error).message }, 'DM upload could not be read');
      await say(`I could not read *${shown}*: ${userMessageOf(err)}`);
    }
  }
}
