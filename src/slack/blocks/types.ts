import type { Button, KnownBlock } from '@slack/types';

/** Block Kit as Slack types it (@slack/types); limits are checked in ./validate.ts. */
export type SlackBlock = KnownBlock;
export type SlackButton = Button;
