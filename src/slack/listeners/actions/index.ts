import type { App } from '@slack/bolt';
import type { SlackRuntime } from '../../runtime.js';
import { registerCopyActions } from './copy.js';
import { registerEscalationActions } from './escalation.js';
import { registerFeedback } from './feedback.js';
import { registerUploadIndexAction } from './upload-index.js';

export function register(app: App, rt: SlackRuntime): void {
  registerFeedback(app, rt);
  registerUploadIndexAction(app, rt);
  registerEscalationActions(app, rt);
  registerCopyActions(app, rt);
}
