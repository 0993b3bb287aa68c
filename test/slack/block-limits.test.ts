import type { KnownBlock } from '@slack/types';
import type { CopyDraft, CopyText } from '../../src/copy/types';
import type { AskResult } from '../../src/knowledge/answer/ask';
import { answerMessage, plainMessage, sourcesBlock } from '../../src/slack/blocks/answer';
import { announcementMessage, copyDraftMessage, copyEditModal, editedCopy } from '../../src/slack/blocks/copy';
import { escalationNotice, seniorDigestMessage, seniorDirectMessage } from '../../src/slack/blocks/escalation';
import { homeView } from '../../src/slack/blocks/home';
import { scaffoldMessage } from '../../src/slack/blocks/scaffold';
import { blockProblemsOf, checkedMessage, viewProblemsOf } from '../../src/slack/blocks/validate';
import type { CopyDraftRecord, Escalation, StoredQuestion } from '../../src/store/types';

/**
 * Every Block Kit builder in src/slack/blocks, fed ordinary, empty or whitespace-only, and huge
 * inputs, must produce blocks Slack accepts (no invalid_blocks). The validator itself is tested
 * against each limit it enforces, so a builder passing here passed a check that can fail.
 */

const huge = 'lorem ipsum dolor '.repeat(12_000);
const INPUTS: Array<[string, string]> = [
  ['ordinary', 'How do I list shipments? See `GET /shipments`.'],
  ['empty', ''],
  ['whitespace only', '  \n\t  '],
  ['huge', huge],
  ['markup', '<!channel> <@U1> <https://evil|x> & **bold** ## head'],
];

const result = (answer: string, sources = 3): AskResult => ({
  question: 'q', intent: 'answer', escalate: false, reason: 'documented', confidence: 0.9, answer, answeredBy: 'extractive',
  sources: Array.from({ length: sources }, (_, i) => ({ path: `guide/${answer.slice(0, 300)}${i}.md`, section: `S ${i}`, score: 0.9 })),
});
const copyText = (t: string): CopyText => ({ headline: t, blurb: t, captions: { x: t, linkedin: t, mastodon: t }, changelog: t });
const draft = (t: string): CopyDraft => ({ ...copyText(t), facts: [], violations: [{ rule: 'length', field: 'headline', detail: t, fixed: false }], docs: [{ path: t, section: t }], source: 'offline', attempts: 1 });
const record = (t: string): CopyDraftRecord => ({ id: 'd1', user: 'UREQ', channel: 'C1', messages: [t], draft: draft(t), status: 'pending', createdAt: 1, updatedAt: 1 });
const escalation = (t: string, over: Partial<Escalation> = {}): Escalation => ({ id: 9, channel: 'C1', threadTs: '1.1', asker: 'UJ', question: t, topic: t || 'default', senior: 'US', reason: t, state: 'open', createdAt: 1, updatedAt: 1, ...over });
const question = (t: string): StoredQuestion => ({ id: 1, kind: 'mention', channel: 'C1', user: 'UJ', text: t, messageTs: '1.1', status: 'done', createdAt: 1 } as StoredQuestion);

const builders: Array<[string, (t: string) => { blocks: KnownBlock[] } | { blocks?: KnownBlock[] }]> = [
  ['answerMessage', (t) => answerMessage(result(t), { questionId: 1, notes: [t] })],
  ['answerMessage (proactive, no sources)', (t) => answerMessage(result(t, 0), { questionId: 1, proactive: true })],
  ['plainMessage', (t) => plainMessage(t)],
  ['sourcesBlock', (t) => ({ blocks: [sourcesBlock(result(t, 40).sources)!] })],
  ['escalationNotice (open, claimed, resolved)', (t) => ({ blocks: [escalationNotice(escalation(t)), escalationNotice(escalation(t, { state: 'claimed', claimedBy: 'US' })), escalationNotice(escalation(t, { state: 'resolved', resolvedBy: 'US' }))].flatMap((m) => m.blocks) })],
  ['seniorDirectMessage (channel and DM)', (t) => ({ blocks: [...seniorDirectMessage(escalation(t), 'https://x').blocks, ...seniorDirectMessage(escalation(t, { channel: 'D1' }), 'https://x').blocks] })],
  ['seniorDigestMessage (1 and 60 items)', (t) => ({ blocks: seniorDigestMessage(Array.from({ length: 60 }, () => ({ escalation: escalation(t), link: 'https://x' }))).blocks })],
  ['seniorDigestMessage (one)', (t) => seniorDigestMessage([{ escalation: escalation(t), link: 'https://x' }])],
  ['scaffoldMessage', (t) => scaffoldMessage(t, { code: t, language: 'typescript', exemplars: [{ path: t, section: t }], imports: [{ specifier: t, resolved: false, reason: t }], unresolved: [t], offline: true, note: t })],
  ['copyDraftMessage', (t) => copyDraftMessage(record(t), t)],
  ['announcementMessage', (t) => announcementMessage(copyText(t))],
];

describe('every builder stays inside Slack limits for any input', () => {
  for (const [name, build] of builders) {
    test.each(INPUTS)(`${name}: %s`, (_kind, input) => {
      const { blocks = [] } = build(input);
      expect(blockProblemsOf(blocks)).toEqual([]);
    });
  }

  test.each(INPUTS)('views (App Home, copy edit modal): %s', (_kind, input) => {
    expect(viewProblemsOf(homeView(Array.from({ length: 12 }, () => question(input))))).toEqual([]);
    expect(viewProblemsOf(copyEditModal(draft(input), { draftId: 'd1', channel: 'C1', responseUrl: 'https://hooks.slack.com/x' }))).toEqual([]);
  });

  test('an approved copy edit that is only whitespace posts no empty header or section', () => {
    const edited = editedCopy({ headline: { value: { value: '   ' } }, blurb: { value: { value: '\n\n' } }, changelog: { value: { value: ' ' } } }, copyText('before'));
    const message = announcementMessage(edited);
    expect(blockProblemsOf(message.blocks)).toEqual([]);
    expect(message.blocks.some((b) => b.type === 'header')).toBe(false);
  });
});

describe('the validator enforces each limit it names', () => {
  const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
  test.each<[string, KnownBlock[], RegExp]>([
    ['empty header', [{ type: 'header', text: { type: 'plain_text', text: ' ' } }], /header.*empty/],
    ['header over 150', [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }], /over 150/],
    ['mrkdwn header', [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } as never }], /plain_text/],
    ['empty section', [section('')], /empty/],
    ['section over 3000', [section('s'.repeat(3001))], /over 3000/],
    ['51 blocks', Array.from({ length: 51 }, () => section('x')), /over 50/],
    ['button value over 2000', [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'b' }, action_id: 'a', value: 'v'.repeat(2001) }] }], /value.*over 2000/],
    ['button text over 75', [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'b'.repeat(76) }, action_id: 'a' }] }], /over 75/],
    ['26 buttons', [{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => ({ type: 'button' as const, text: { type: 'plain_text' as const, text: 'b' }, action_id: `a${i}` })) }], /1\.\.25/],
    ['11 context elements', [{ type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn' as const, text: 'c' })) }], /1\.\.10/],
    ['context text over 2000', [{ type: 'context', elements: [{ type: 'mrkdwn', text: 'c'.repeat(2001) }] }], /over 2000/],
  ])('%s is reported', (_name, blocks, problem) => {
    expect(blockProblemsOf(blocks).join('\n')).toMatch(problem);
  });

  test('checkedMessage drops only the blocks Slack would reject and keeps the text', () => {
    const out = checkedMessage({ text: 'fallback', blocks: [section('kept'), { type: 'header', text: { type: 'plain_text', text: '' } }] });
    expect(out.blocks).toEqual([section('kept')]);
    expect(out.text).toBe('fallback');
  });
});
