import type { App } from '@slack/bolt';
import type { SlackRuntime } from '../../runtime.js';
import { registerCopyEditSubmit } from './copy-edit.js';

export function register(app: App, rt: SlackRuntime): void {
  registerCopyEditSubmit(app, rt);
}
