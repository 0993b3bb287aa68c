import type { CopyDraft, CopyText, Violation } from '../../copy/types.js';
import { LIMITS } from '../../copy/types.js';
import type { CopyDraftRecord } from '../../store/types.js';
import { CONTEXT_TEXT_LIMIT, SECTION_TEXT_LIMIT, truncate } from '../text.js';
import type { ConfirmationDialog, ModalView } from '@slack/types';
import type { SlackBlock, SlackButton } from './types.js';

/** Block Kit for /copy: the private draft with its four buttons, the edit modal, the public post. */

export const COPY_ACTION_IDS = {
  approve: 'copy_approve',
  edit: 'copy_edit',
  regenerate: 'copy_regenerate',
  discard: 'copy_discard',
} as const;

export const COPY_EDIT_CALLBACK_ID = 'copy_edit_submit';
export const COPY_SHORTCUT_CALLBACK_ID = 'draft_copy';

/** Text people wrote goes into mrkdwn: &, < and > must not become links or mentions. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SECTION_TEXT_LIMIT) } };
}

function context(text: string): SlackBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, CONTEXT_TEXT_LIMIT) }] };
}

function field(label: string, text: string, limit?: number): SlackBlock {
  const count = limit ? ` _(${[...text].length}/${limit})_` : '';
  return section(`*${label}*${count}\n${escapeMrkdwn(text) || '_(empty)_'}`);
}

function violationLine(v: Violation): string {
  const what = `${v.field}: ${v.detail}`;
  return v.fixed ? `• ✅ fixed, ${escapeMrkdwn(what)}${v.repair ? ` (${escapeMrkdwn(v.repair)})` : ''}` : `• ⚠️ *still there*, ${escapeMrkdwn(what)}`;
}

function violationsBlock(violations: Violation[]): SlackBlock {
  if (!violations.length) return section('*Checks:* brand voice, facts and lengths all pass.');
  const open = violations.filter((v) => !v.fixed).length;
  const head = `*Checks:* ${violations.length - open} fixed, ${open} still there`;
  return section([head, ...violations.map(violationLine)].join('\n'));
}

function button(text: string, actionId: string, value: string, extra: Partial<SlackButton> = {}): SlackButton {
  return { type: 'button', text: { type: 'plain_text', text, emoji: true }, action_id: actionId, value, ...extra };
}

/** The draft, shown only to its requester. Approve asks again when a rule is still broken. */
export function copyDraftMessage(record: CopyDraftRecord, note?: string): { text: string; blocks: SlackBlock[] } {
  const d = record.draft;
  const open = d.violations.filter((v) => !v.fixed).length;
  const approveExtra: Partial<SlackButton> = { style: 'primary' };
  if (open) {
    approveExtra.confirm = {
      title: { type: 'plain_text', text: 'Post with open issues?' },
      text: { type: 'mrkdwn', text: `${open} check${open === 1 ? ' is' : 's are'} still failing in this draft. Post it anyway?` },
      confirm: { type: 'plain_text', text: 'Post anyway' },
      deny: { type: 'plain_text', text: 'Back' },
    };
  }
  const about = [`Drafted by ${d.source === 'offline' ? 'the offline drafter' : escapeMrkdwn(d.source)}`];
  if (d.fallback) about.push(`the model failed (${d.fallback}), so this is the offline draft`);
  if (d.docs.length) about.push(`docs used: ${d.docs.map((x) => escapeMrkdwn(`${x.path}#${x.section}`)).join(', ')}`);
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Release copy draft', emoji: true } },
    ...(note ? [context(`_${escapeMrkdwn(note)}_`)] : []),
    field('Headline', d.headline, LIMITS.headline),
    field('Blurb', d.blurb),
    field('X', d.captions.x, LIMITS['captions.x']),
    field('LinkedIn', d.captions.linkedin, LIMITS['captions.linkedin']),
    field('Mastodon', d.captions.mastodon, LIMITS['captions.mastodon']),
    field('Changelog', d.changelog),
    violationsBlock(d.violations),
    context(`${about.join('; ')}. Only you can see this draft; nothing is posted until you click Approve & post.`),
    {
      type: 'actions',
      block_id: 'copy_draft_actions',
      elements: [
        button('Approve & post', COPY_ACTION_IDS.approve, record.id, approveExtra),
        button('Edit', COPY_ACTION_IDS.edit, record.id),
        button('Regenerate', COPY_ACTION_IDS.regenerate, record.id),
        button('Discard', COPY_ACTION_IDS.discard, record.id, { style: 'danger' }),
      ],
    },
  ];
  return { text: `Release copy draft: ${truncate(d.headline, 200)}`, blocks };
}

/** The platform variants the person kept: a caption they emptied in the edit modal is left out. */
function chosenVariants(copy: CopyText): Array<[string, string]> {
  return (
    [
      ['X', copy.captions.x],
      ['LinkedIn', copy.captions.linkedin],
      ['Mastodon', copy.captions.mastodon],
    ] as Array<[string, string]>
  ).filter(([, text]) => text.trim());
}

/** What goes to the announcements channel: exactly this text is recorded with the approval. */
export function announcementText(copy: CopyText): string {
  const variants = chosenVariants(copy).map(([label, text]) => `${label}:\n${text.trim()}`);
  return [copy.headline, copy.blurb, ...variants, `Changelog:\n${copy.changelog}`].map((s) => s.trim()).filter(Boolean).join('\n\n');
}

/** The public post. A field edited down to whitespace is left out (Slack rejects an empty header or section). */
export function announcementMessage(copy: CopyText): { text: string; blocks: SlackBlock[] } {
  const [headline, blurb, changelog] = [copy.headline, copy.blurb, copy.changelog].map((s) => s.trim());
  const blocks: SlackBlock[] = [];
  if (headline) blocks.push({ type: 'header', text: { type: 'plain_text', text: truncate(headline.replace(/\s+/g, ' '), 150), emoji: false } });
  if (blurb) blocks.push(section(escapeMrkdwn(blurb)));
  for (const [label, text] of chosenVariants(copy)) if (text.trim()) blocks.push(section(`*${label}*\n${escapeMrkdwn(text.trim())}`));
  if (changelog) blocks.push(context(`Changelog:\n${escapeMrkdwn(changelog)}`));
  return { text: truncate(announcementText(copy), 3900), blocks };
}

/** Modal inputs, by block id; each holds one plain_text_input with action_id `value`. */
const EDIT_FIELDS: Array<{ block: string; label: string; multiline: boolean; optional?: boolean; get: (c: CopyText) => string }> = [
  { block: 'headline', label: 'Headline', multiline: false, get: (c) => c.headline },
  { block: 'blurb', label: 'Blurb (2–3 sentences)', multiline: true, get: (c) => c.blurb },
  { block: 'x', label: 'X caption (≤ 280; empty leaves it out)', multiline: true, optional: true, get: (c) => c.captions.x },
  { block: 'linkedin', label: 'LinkedIn caption (≤ 1,300; empty leaves it out)', multiline: true, optional: true, get: (c) => c.captions.linkedin },
  { block: 'mastodon', label: 'Mastodon caption (≤ 500; empty leaves it out)', multiline: true, optional: true, get: (c) => c.captions.mastodon },
  { block: 'changelog', label: 'Changelog', multiline: true, get: (c) => c.changelog },
];

const INPUT_MAX = 3000;

export interface EditModalMetadata {
  draftId: string;
  channel: string;
  responseUrl?: string;
}

export function copyEditModal(draft: CopyDraft, meta: EditModalMetadata): ModalView {
  return {
    type: 'modal',
    callback_id: COPY_EDIT_CALLBACK_ID,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: 'Edit release copy' },
    submit: { type: 'plain_text', text: 'Check & show' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      context('Your edits go through the same brand-voice, fact and length checks; nothing is posted until you approve.'),
      ...EDIT_FIELDS.map((f) => ({
        type: 'input',
        block_id: f.block,
        ...(f.optional ? { optional: true } : {}),
        label: { type: 'plain_text', text: f.label },
        element: { type: 'plain_text_input', action_id: 'value', multiline: f.multiline, max_length: INPUT_MAX, initial_value: f.get(draft).slice(0, INPUT_MAX) },
      })),
    ],
  };
}

/** The modal's submitted values back into copy; a missing field keeps the draft's text. */
export function editedCopy(values: Record<string, Record<string, { value?: string | null }>>, before: CopyText): CopyText {
  const read = (block: string, fallback: string) => {
    const v = values[block]?.value?.value;
    return typeof v === 'string' ? v.trim() : fallback;
  };
  return {
    headline: read('headline', before.headline),
    blurb: read('blurb', before.blurb),
    captions: { x: read('x', before.captions.x), linkedin: read('linkedin', before.captions.linkedin), mastodon: read('mastodon', before.captions.mastodon) },
    changelog: read('changelog', before.changelog),
  };
}

export function parseEditMetadata(raw: string): EditModalMetadata | undefined {
  try {
    const m = JSON.parse(raw) as Partial<EditModalMetadata>;
    return typeof m.draftId === 'string' && typeof m.channel === 'string' ? { draftId: m.draftId, channel: m.channel, responseUrl: typeof m.responseUrl === 'string' ? m.responseUrl : undefined } : undefined;
  } catch {
    return undefined;
  }
}
