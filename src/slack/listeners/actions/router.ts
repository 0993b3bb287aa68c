import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type ButtonHandler = (args: ButtonArgs) => Promise<void>;

export interface ButtonRouter {
  action(actionId: string, handler: ButtonHandler): void;
}

/**
 * One Bolt listener for every button, routing by action_id. Bolt runs every registered listener's
 * middleware for every request it receives, events included: fifteen action listeners made each
 * mention walk fifteen more middleware chains before its ack.
 */
export function buttonRouter(app: App): ButtonRouter {
  const handlers = new Map<string, ButtonHandler>();
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions' }, async (args) => {
    const handler = handlers.get(args.action.action_id);
    if (handler) return handler(args);
    // A button from an old message whose action no longer exists: ack, so Slack shows no error.
    await args.ack();
  });
  return {
    action(actionId, handler) {
      handlers.set(actionId, handler);
    },
  };
}
