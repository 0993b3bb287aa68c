import type { App } from '@slack/bolt';
import type { SlackRuntime } from '../../runtime.js';
import { registerMessages } from './message.js';
import { registerFileShare } from './file-share.js';

export function register(app: App, rt: SlackRuntime): void {
  registerMessages(app, rt);
  registerFileShare(app, rt);
}
