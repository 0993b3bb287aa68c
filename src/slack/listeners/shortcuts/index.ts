import type { App } from '@slack/bolt';
import type { SlackRuntime } from '../../runtime.js';
import { registerDraftCopyShortcut } from './draft-copy.js';

export function register(app: App, rt: SlackRuntime): void {
  registerDraftCopyShortcut(app, rt);
}
