import { configSchema } from '../../src/config';
import { runModeOf } from '../../src/main';

const withSlack = (slack: Record<string, string>) => configSchema.parse({ slack });

describe('deskmate start: which mode', () => {
  test.each([
    [{}, 'console'],
    [{ botToken: 'xoxb-1', signingSecret: 's' }, 'http'],
    [{ botToken: 'xoxb-1', appToken: 'xapp-1' }, 'socket'],
    [{ botToken: 'xoxb-1', appToken: 'xapp-1', signingSecret: 's' }, 'socket'],
  ])('%j runs in %s mode', (slack, mode) => {
    expect(runModeOf(withSlack(slack))).toBe(mode);
  });

  test('a bot token alone is an error naming both variables that would complete it', () => {
    expect(() => runModeOf(withSlack({ botToken: 'xoxb-1' }))).toThrow(/SLACK_APP_TOKEN.*SLACK_SIGNING_SECRET/);
  });

  test('a signing secret without a bot token asks for SLACK_BOT_TOKEN', () => {
    expect(() => runModeOf(withSlack({ signingSecret: 's' }))).toThrow(/Add SLACK_BOT_TOKEN/);
  });
});
