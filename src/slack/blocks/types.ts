/** Block Kit JSON as we build it; Slack validates the shape, our tests check the limits. */
export type SlackBlock = Record<string, unknown>;
