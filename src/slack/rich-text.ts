/**
 * The text of a message as Slack's rich_text blocks hold it. Clients send both `text` and
 * `blocks`, but some (workflows, some mobile and API posts) leave `text` empty and carry the
 * message, mentions included, only in the blocks: read those the way `text` would have read.
 */

type Element = { type?: string; text?: string; user_id?: string; channel_id?: string; usergroup_id?: string; range?: string; url?: string; name?: string; fallback?: string; elements?: Element[] };

function inline(el: Element): string {
  switch (el.type) {
    case 'text':
      return el.text ?? '';
    case 'user':
      return el.user_id ? `<@${el.user_id}>` : '';
    case 'channel':
      return el.channel_id ? `<#${el.channel_id}>` : '';
    case 'usergroup':
      return el.usergroup_id ? `<!subteam^${el.usergroup_id}>` : '';
    case 'broadcast':
      return el.range ? `<!${el.range}>` : '';
    case 'link':
      return el.text ? `${el.text} (${el.url ?? ''})` : (el.url ?? '');
    case 'emoji':
      return el.name ? `:${el.name}:` : '';
    case 'date':
      return el.fallback ?? '';
    default:
      return el.text ?? '';
  }
}

function part(el: Element): string {
  const children = el.elements ?? [];
  switch (el.type) {
    case 'rich_text_section':
    case 'rich_text_quote':
    case 'rich_text_preformatted':
      return children.map(inline).join('');
    case 'rich_text_list':
      return children.map((c) => `• ${part(c)}`).join('\n');
    default:
      return inline(el);
  }
}

/** Text of every rich_text block, one line per section; '' when there are none. */
function richTextOf(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  return (blocks as Element[])
    .filter((b) => b?.type === 'rich_text')
    .flatMap((b) => (b.elements ?? []).map(part))
    .join('\n')
    .trim();
}

/** The message's text, or what its rich_text blocks say when `text` is empty. */
export function messageTextOf(e: { text?: string; blocks?: unknown }): string {
  const text = e.text ?? '';
  return text.trim() ? text : richTextOf(e.blocks);
}
