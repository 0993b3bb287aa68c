import type { App } from '@slack/bolt';
import type { SlackRuntime } from '../../runtime.js';
import { registerDeskmateCommand } from './deskmate.js';

export function register(app: App, rt: SlackRuntime): void {
  registerDeskmateCommand(app, rt);
}
