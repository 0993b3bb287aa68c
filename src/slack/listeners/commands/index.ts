import type { App } from '@slack/bolt';
import type { SlackRuntime } from '../../runtime.js';
import { registerCopyCommand } from './copy.js';
import { registerDeskmateCommand } from './deskmate.js';
import { registerSchemaReviewCommand } from './schema-review.js';
import { registerScaffoldCommand } from './scaffold.js';

export function register(app: App, rt: SlackRuntime): void {
  registerDeskmateCommand(app, rt);
  registerCopyCommand(app, rt);
  registerScaffoldCommand(app, rt);
  registerSchemaReviewCommand(app, rt);
}
