import type { App } from '@slack/bolt';
import { childLogger } from '../log.js';
import { foreignInstallation, type InstallationIdentity } from './installation-identity.js';

export { foreignInstallation, type InstallationIdentity };
import type { SlackRuntime } from './runtime.js';

/**
 * Whether this installation may still work. Set once Slack says the app was uninstalled or its bot
 * token revoked: from then on every request is acked and dropped, nothing is answered, and the
 * stored data is gone. Only a restart with a new token brings Deskmate back.
 */
export interface InstallationState {
  revoked: boolean;
  revokedTeam?: string;
}

const states = new WeakMap<SlackRuntime, InstallationState>();

export function installationOf(rt: SlackRuntime): InstallationState {
  let state = states.get(rt);
  if (!state) states.set(rt, (state = { revoked: false }));
  return state;
}

/** Global middleware: after a revocation, ack whatever arrives (so Slack stops retrying) and do nothing. */
export function dropWhenRevoked(app: App, rt: SlackRuntime): void {
  app.use(async (args) => {
    if (!installationOf(rt).revoked) return args.next();
    const ack = (args as { ack?: () => Promise<void> }).ack;
    if (ack) await ack();
  });
}

const log = childLogger('slack.installation');

/**
 * Global middleware: whatever arrives for another team, enterprise or app (socket mode, commands,
 * interactivity; HTTP events are already dropped by the front) is acked and dropped with a log line.
 */
export function dropForeignInstallations(app: App, identity: InstallationIdentity): void {
  app.use(async (args) => {
    const foreign = foreignInstallation(args.body, identity);
    if (!foreign) return args.next();
    log.warn({ foreign, type: (args.body as { type?: unknown }).type }, 'request for another installation dropped');
    const ack = (args as { ack?: () => Promise<void> }).ack;
    if (ack) await ack();
  });
}
