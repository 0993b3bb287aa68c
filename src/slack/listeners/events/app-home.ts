import type { App } from '@slack/bolt';
import { homeView } from '../../blocks/home.js';
import { background, type SlackRuntime } from '../../runtime.js';

export function registerAppHome(app: App, rt: SlackRuntime): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    background('views.publish', { user: event.user }, async () => {
      const recent = await rt.deps.store.recentQuestions(event.user, 10);
      await rt.client.views.publish({ user_id: event.user, view: homeView(recent) });
    });
  });
}
