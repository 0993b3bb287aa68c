import type { HomeView } from '@slack/types';
import type { StoredQuestion } from '../../store/types.js';
import { truncate } from '../text.js';
import { escapeMrkdwn } from './escape.js';
import type { SlackBlock } from './types.js';

/** App Home: what Deskmate does, and the viewer's own recent questions. */
export function homeView(recent: StoredQuestion[]): HomeView {
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Deskmate' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [
          '*What I can do*',
          '• Mention me in a channel with a what/how question: I answer in the thread with numbered sources from the docs.',
          '• DM me to learn step by step; I remember the conversation.',
          '• Why-questions and anything the docs do not answer go to the right senior, who can take it and resolve it.',
          '• `/deskmate help` for commands.',
        ].join('\n'),
      },
    },
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: '*Your recent questions*' } },
  ];
  if (!recent.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'None yet. Ask me something!' }] });
  for (const q of recent.slice(0, 10)) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${escapeMrkdwn(truncate(q.text, 200))} — _${q.status === 'done' ? 'answered' : q.status}_` }] });
  }
  return { type: 'home', blocks };
}
