import type { App } from '@slack/bolt';
import type { SlackRuntime } from '../../runtime.js';
import { registerCopyActions } from './copy.js';
import { registerEscalationActions } from './escalation.js';
import { registerFeedback } from './feedback.js';
import { buttonRouter } from './router.js';
import { registerUploadIndexAction } from './upload-index.js';

export function register(app: App, rt: SlackRuntime): void {
  const router = buttonRouter(app);
  registerFeedback(router, rt);
  registerUploadIndexAction(router, rt);
  registerEscalationActions(router, rt);
  registerCopyActions(router, rt);
}
