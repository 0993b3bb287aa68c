import { escapeMrkdwn } from '../../blocks/escape.js';
import { userMessageOf } from '../../../errors.js';
import type { ButtonRouter } from './router.js';
import { childLogger } from '../../../log.js';
import { background, type SlackRuntime } from '../../runtime.js';
import { copyUploadToIndexSources } from '../../uploads/add-to-index.js';
import { uploadsFor } from '../../uploads/dm-uploads.js';
import { ADD_TO_INDEX_ACTION } from '../../uploads/receive.js';

const log = childLogger('slack.upload-index');

/** "Add to team index" under a DM upload: admins only; copies the file into the sources and re-indexes. */
export function registerUploadIndexAction(router: ButtonRouter, rt: SlackRuntime): void {
  router.action(ADD_TO_INDEX_ACTION, async ({ ack, body, action }) => {
    await ack();
    const user = body.user.id;
    const channel = body.channel?.id;
    background('add upload to index', { user }, async () => {
      const say = (text: string) => (channel ? rt.client.chat.postMessage({ channel, text }) : Promise.resolve());
      if (!rt.roles.isAdmin(user)) return void (await say('Only a Deskmate admin can add files to the team index.'));
      const upload = uploadsFor(rt.deps).byId(action.value ?? '');
      if (!upload) return void (await say('I no longer have that file (uploads are kept in memory until a restart). Share it again.'));
      try {
        const target = copyUploadToIndexSources(rt.deps.config, upload);
        log.info({ user, target }, 'upload added to the index sources');
        if (!rt.deps.reindex) return void (await say(`Saved *${escapeMrkdwn(upload.name)}* to ${escapeMrkdwn(target)}. Re-indexing is not available here: run \`deskmate ingest\` to include it.`));
        await say(`Saved *${escapeMrkdwn(upload.name)}*; re-indexing the team docs now.`);
        await rt.deps.reindex();
        await rt.deps.asker.reloadIfChanged();
        await say(`*${escapeMrkdwn(upload.name)}* is now in the team index.`);
      } catch (err) {
        log.error({ err: (err as Error).message }, 'adding the upload to the index failed');
        await say(`I could not add *${escapeMrkdwn(upload.name)}* to the team index: ${userMessageOf(err)}`);
      }
    });
  });
}
