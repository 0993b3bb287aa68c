import type { App } from '@slack/bolt';
import type { SlackRuntime } from '../../runtime.js';
import { registerMessages } from './message.js';

export function register(app: App, rt: SlackRuntime): void {
  registerMessages(app, rt);
}
