import type { App } from '@slack/bolt';
import type { SlackRuntime } from '../../runtime.js';
import { registerAppHome } from './app-home.js';
import { registerAppMention } from './app-mention.js';
import { registerUninstall } from './uninstall.js';

export function register(app: App, rt: SlackRuntime): void {
  registerUninstall(app, rt);
  registerAppMention(app, rt);
  registerAppHome(app, rt);
}
